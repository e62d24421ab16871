/** The figure a records page shows, as its query string states it: `/records?stage=paid&donor=se&month=2025-08`. */
import { STAGES, type Stage } from '../../../api/types.ts';

export const FILTERS = ['donor', 'month', 'category'] as const;
export type FilterName = (typeof FILTERS)[number];

export interface RecordsParams {
  /** As written in the address; the API refuses a stage it does not know. */
  readonly stage?: string | undefined;
  readonly donor?: string | undefined;
  readonly month?: string | undefined;
  readonly category?: string | undefined;
}

export function readParams(search: string): RecordsParams {
  const query = new URLSearchParams(search);
  const value = (name: string) => query.get(name) || undefined;
  return { stage: value('stage'), donor: value('donor'), month: value('month'), category: value('category') };
}

/** The stage shown: the one asked for, pledged when none is (as the API defaults), undefined when it is unknown. */
export function shownStage(params: RecordsParams): Stage | undefined {
  if (params.stage === undefined) return 'pledged';
  return STAGES.find((stage) => stage === params.stage);
}

/** The address of the records of another figure: these params, in a stable order, without the ones left out. */
export function recordsHref(params: RecordsParams): string {
  const query = new URLSearchParams();
  for (const name of ['stage', ...FILTERS] as const) {
    const value = params[name];
    if (value !== undefined) query.set(name, value);
  }
  const search = query.toString();
  return `/records${search ? `?${search}` : ''}`;
}

export const isFiltered = (params: RecordsParams): boolean => FILTERS.some((name) => params[name] !== undefined);
