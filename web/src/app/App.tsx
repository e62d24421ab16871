import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Redirect, Route, Switch, useParams } from 'wouter';
import { useLiveUpdates } from '../api/live.ts';
import { isLocale, preferredLocale, storedLocale } from '../i18n/locales.ts';
import { CurrencyProvider } from './currency.tsx';
import { LocaleProvider } from './LocaleProvider.tsx';
import { PageRoutes } from './routes.tsx';

/**
 * The app: `/` sends a reader to their language; `/<locale>/…` renders the page in it. Reads are cached and kept
 * current by the live-update stream.
 */
export function App() {
  const [client] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <Live />
      <Switch>
        <Route path="/">
          <Redirect to={`/${preferredLocale(storedLocale(), navigator.languages)}`} replace />
        </Route>
        <Route path="/:locale" nest>
          <Localised />
        </Route>
      </Switch>
    </QueryClientProvider>
  );
}

function Live() {
  useLiveUpdates();
  return null;
}

function Localised() {
  const { locale } = useParams<{ locale: string }>();
  if (!isLocale(locale)) return <Redirect to={`~/${preferredLocale(storedLocale(), navigator.languages)}`} replace />;
  return (
    <LocaleProvider locale={locale}>
      <CurrencyProvider>
        <PageRoutes />
      </CurrencyProvider>
    </LocaleProvider>
  );
}
