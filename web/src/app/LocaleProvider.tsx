import { type ReactNode, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { type Locale, rememberLocale } from '../i18n/locales.ts';
import { loadMessages } from '../i18n/messages.ts';

interface Loaded {
  readonly locale: Locale;
  readonly messages: Record<string, string>;
}

/**
 * The catalogs of `locale`. The page renders while they load — so its reads of the API start at once instead of
 * after the catalogs — but stays hidden until they are there, so no one sees a raw key.
 */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
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
  const ready = loaded?.locale === locale;
  return (
    <IntlProvider
      locale={locale}
      messages={ready ? loaded.messages : (loaded?.messages ?? {})}
      defaultLocale="en"
      // Until the catalogs arrive every message is missing, by design: nothing is shown meanwhile.
      onError={(error) => {
        if (ready || error.code !== 'MISSING_TRANSLATION') console.error(error);
      }}
    >
      <div hidden={!ready}>{children}</div>
    </IntlProvider>
  );
}
