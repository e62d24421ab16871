import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';

export function WorkspacePage() {
  const t = useT();
  return <Page title={t('workspace.title')}>{null}</Page>;
}
