/**
 * What the donor pages read: an organisation with its donor totals, its contributions, its timeline with evidence,
 * and the same for the coalitions it gives through (GET /api/organisations/:id, /api/contributions?donor=,
 * /api/organisations/:id/timeline).
 */
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { getJson, type QueryParams } from './client.ts';
import type { Currency, Money, OrganisationDetail } from './types.ts';

export type ContributionStatus = 'pledged' | 'committed' | 'withdrawn';

/** One row of GET /api/contributions: the donor's own amount and its equivalents in the reporting currency. */
export interface Contribution {
  readonly id: string;
  readonly donorId: string;
  readonly packageId: string | null;
  readonly category: string;
  readonly status: ContributionStatus;
  readonly amount: Money;
  readonly paidAmount: Money;
  readonly reporting: { readonly amount: Money; readonly paid: Money; readonly delivered: Money };
  readonly rate: { readonly date: string; readonly source: string };
  readonly dates: {
    readonly pledged: string;
    readonly committed: string | null;
    readonly lastPaid: string | null;
    readonly withdrawn: string | null;
  };
  readonly visibility: string;
}

/** A source an event names as evidence, with the sentence of the claim that links it, when one does. */
export interface Evidence {
  readonly sourceId: string;
  readonly claimId: string | null;
  readonly publisher: string;
  readonly title: string;
  readonly url: string | null;
  readonly language: string;
  readonly publishedOn: string | null;
  readonly sentence: string | null;
}

/** One event of a timeline (GET /api/organisations/:id/timeline, /api/packages/:id/timeline). */
export interface TimelineEntry {
  readonly seq: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly basis: string;
  readonly visibility: string;
  readonly data: unknown;
  readonly evidence: readonly Evidence[];
}

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
