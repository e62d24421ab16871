import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/useT.ts';

export function PackagePage() {
  const t = useT();
  return <Page title={t('package.title')}>{null}</Page>;
}
