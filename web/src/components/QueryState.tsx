import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';
import { useProblemText } from './problem-text.ts';

/** What a read shows while it loads or when it fails; the page itself once the data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T, Error>;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  const problemText = useProblemText();
  if (query.isPending) {
    return (
      <p className="loading" aria-busy="true">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) {
    const error = query.error;
    return (
      <p className="error" role="alert">
        {error instanceof ApiError ? problemText(error.problem) : t('common.loadFailed')}
      </p>
    );
  }
  return <>{children(query.data)}</>;
}
