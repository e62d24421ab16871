/** The feed's filter and page, kept in the address (`/sources?language=uk&page=2`) so a filtered view can be shared. */
import { isSourceLanguage } from '../../../api/sources.ts';
import type { SourceLanguage } from '../../../api/types.ts';

export type LanguageChoice = SourceLanguage | 'all';

export interface FeedParams {
  readonly language: LanguageChoice;
  /** 1 = the newest. */
  readonly page: number;
}

/** Stories on one page of the feed. */
export const PAGE_SIZE = 10;

export function feedParams(search: string): FeedParams {
  const params = new URLSearchParams(search);
  const language = params.get('language');
  const page = Number(params.get('page') ?? '1');
  return {
    language: isSourceLanguage(language) ? language : 'all',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function feedSearch({ language, page }: FeedParams): string {
  const params = new URLSearchParams();
  if (language !== 'all') params.set('language', language);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `?${search}` : '';
}
