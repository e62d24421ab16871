import { Link } from 'wouter';
import { useT } from '../i18n/useT.ts';
import { Page } from './Page.tsx';

export function NotFound() {
  const t = useT();
  return (
    <Page title={t('common.notFound.title')}>
      <p>{t('common.notFound.text')}</p>
      <p>
        <Link href="/">{t('common.nav.overview')}</Link>
      </p>
    </Page>
  );
}
