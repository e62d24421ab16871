/**
 * What the donor pages read: an organisation with its donor totals, its contributions, its timeline with evidence,
 * and the same for the coalitions it gives through (GET /api/organisations/:id, /api/contributions?donor=,
 * /api/organisations/:id/timeline).
 */
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { getJson, type QueryParams } from './client.ts';
import type { Currency, OrganisationDetail } from './types.ts';

/** The API path of one organisation. */
export const organisationPath = (id: string): string => `/organisations/${encodeURIComponent(id)}`;

export interface ApiRequest {
  readonly path: string;
  readonly params?: QueryParams;
}

/** Several reads side by side (each coalition's totals, each package's timeline), cached like `useApi`. */
function useApiEach<T>(requests: readonly ApiRequest[]): UseQueryResult<T, Error>[] {
  return useQueries({
    queries: requests.map(({ path, params = {} }) => ({
      queryKey: [path, params],
      queryFn: ({ signal }: { signal: AbortSignal }) => getJson<T>(path, params, signal),
    })),
  });
}

/** Several organisations with their donor totals (and median lag) in `currency`. */
export function useOrganisationDetails(
  ids: readonly string[],
  currency: Currency,
): UseQueryResult<OrganisationDetail, Error>[] {
  return useApiEach<OrganisationDetail>(ids.map((id) => ({ path: organisationPath(id), params: { currency } })));
}

export interface Answers<T> {
  /** The data of the reads that have answered, in order. */
  readonly data: readonly T[];
  readonly pending: boolean;
  readonly failed: boolean;
}

function combineAnswers<T>(results: UseQueryResult<T, Error>[]): Answers<T> {
  return {
    data: results.flatMap((result) => (result.data === undefined ? [] : [result.data])),
    pending: results.some((result) => result.isPending),
    failed: results.some((result) => result.isError),
  };
}

/**
 * Several reads side by side, combined: the same object from render to render while no read changes (TanStack
 * Query shares its structure), so what is computed from it can be memoised.
 */
export function useApiAnswers<T>(requests: readonly ApiRequest[]): Answers<T> {
  return useQueries({
    queries: requests.map(({ path, params = {} }) => ({
      queryKey: [path, params],
      queryFn: ({ signal }: { signal: AbortSignal }) => getJson<T>(path, params, signal),
    })),
    combine: combineAnswers<T>,
  });
}
