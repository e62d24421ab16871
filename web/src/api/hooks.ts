import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { getJson, type QueryParams } from './client.ts';

/**
 * A read of the API, cached by path and parameters. Every cached read is refetched when the ledger moves
 * (`useLiveUpdates`), so what a page shows follows what others record.
 */
export function useApi<T>(path: string | null, params: QueryParams = {}): UseQueryResult<T, Error> {
  return useQuery({
    queryKey: [path, params],
    queryFn: ({ signal }) => getJson<T>(path ?? '', params, signal),
    enabled: path !== null,
  });
}
