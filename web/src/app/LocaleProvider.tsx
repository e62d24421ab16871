import { type ReactNode, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { type Locale, rememberLocale } from '../i18n/locales.ts';
import { loadMessages } from '../i18n/messages.ts';

/** The catalogs of `locale`, loaded before anything is shown so no page flashes raw keys. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Record<string, string> } | null>(null);
  useEffect(() => {
    let current = true;
    rememberLocale(locale);
    document.documentElement.lang = locale;
    void loadMessages(locale).then((messages) => {
      if (current) setLoaded({ locale, messages });
    });
    return () => {
      current = false;
    };
  }, [locale]);
  if (!loaded) return null;
  return (
    <IntlProvider locale={loaded.locale} messages={loaded.messages} defaultLocale="en">
      {children}
    </IntlProvider>
  );
}
