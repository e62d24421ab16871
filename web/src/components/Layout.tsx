import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import type { MessageKey } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';
import { CurrencySwitch } from './CurrencySwitch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SessionControl } from './SessionControl.tsx';

const NAV: readonly { href: string; label: MessageKey }[] = [
  { href: '/', label: 'common.nav.overview' },
  { href: '/packages', label: 'common.nav.packages' },
  { href: '/donors', label: 'common.nav.donors' },
  { href: '/trackers', label: 'common.nav.trackers' },
  { href: '/priorities', label: 'common.nav.priorities' },
  { href: '/sources', label: 'common.nav.sources' },
  { href: '/workspace', label: 'common.nav.workspace' },
];

/**
 * Every page's frame: the name, the sections, the language and currency switches, who is signed in, and what the data
 * is.
 */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          Tranche
        </Link>
        <nav aria-label={t('common.nav.label')}>
          <ul>
            {NAV.map((item) => (
              <NavItem key={item.href} href={item.href} label={t(item.label)} />
            ))}
          </ul>
        </nav>
        <div className="switches">
          <CurrencySwitch />
          <LanguageSwitch />
          <SessionControl />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('common.footer.about')}</p>
        <p>
          <a href="/api/docs">{t('common.footer.api')}</a> ·{' '}
          <a href="/api/ledger/verify">{t('common.footer.verify')}</a>
        </p>
      </footer>
    </>
  );
}

function NavItem({ href, label }: { href: string; label: string }) {
  const [exact] = useRoute(href);
  const [inside] = useRoute(`${href}/*?`);
  const current = href === '/' ? exact : inside;
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
}
