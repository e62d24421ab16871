import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';

export function PrioritiesPage() {
  const t = useT();
  return <Page title={t('priorities.title')}>{null}</Page>;
}
