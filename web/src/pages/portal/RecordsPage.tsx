import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';

export function RecordsPage() {
  const t = useT();
  return <Page title={t('overview.title')}>{null}</Page>;
}
