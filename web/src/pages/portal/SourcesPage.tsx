import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';

export function SourcesPage() {
  const t = useT();
  return <Page title={t('sources.title')}>{null}</Page>;
}
