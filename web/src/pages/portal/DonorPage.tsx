import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';

export function DonorPage() {
  const t = useT();
  return <Page title={t('donor.title')}>{null}</Page>;
}
