import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Redirect, Route, Switch, useParams } from 'wouter';
import { ApiError } from '../api/client.ts';
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
      new QueryClient({
        // A refusal (4xx: an unknown id, a bad filter) is the answer; only a server or network failure is retried.
        defaultOptions: { queries: { staleTime: 30_000, retry: retryOnce, refetchOnWindowFocus: false } },
      }),
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

const retryOnce = (failures: number, error: Error): boolean =>
  failures < 1 && !(error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500);

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
