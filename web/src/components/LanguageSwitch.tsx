import { useIntl } from 'react-intl';
import { useLocation, useSearch } from 'wouter';
import { LOCALE_LABELS, LOCALE_NAMES, LOCALES, pathInLocale } from '../i18n/locales.ts';
import { useT } from '../i18n/useT.ts';

/** UA / EN / RU: the same page in another language, as a plain link (shareable, works without script). */
export function LanguageSwitch() {
  const t = useT();
  const { locale: current } = useIntl();
  const [path] = useLocation();
  const search = useSearch();
  return (
    <nav aria-label={t('common.language')} className="language-switch">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={`${pathInLocale(`/${current}${path === '/' ? '' : path}`, locale)}${search ? `?${search}` : ''}`}
              hrefLang={locale}
              lang={locale}
              title={LOCALE_NAMES[locale]}
              aria-label={LOCALE_NAMES[locale]}
              aria-current={locale === current ? 'true' : undefined}
            >
              {LOCALE_LABELS[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
