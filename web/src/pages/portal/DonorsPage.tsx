import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';

export function DonorsPage() {
  const t = useT();
  return <Page title={t('donor.title')}>{null}</Page>;
}
