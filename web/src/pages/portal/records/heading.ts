/** The figure's name from its parts, in the reader's language: "Paid by Sweden in August 2025, air defence". */
import { useCallback, useMemo } from 'react';
import { useCategoryNames, useOrganisationNames } from '../../../api/reference.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { isFiltered, type RecordsParams, shownStage } from './params.ts';

/** "серпень 2025 р." / "August 2025" / "август 2025 г.": the whole month's name, for headings. */
export function useLongMonth(): (month: string) => string {
  const { locale } = useFormat();
  const months = useMemo(
    () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    [locale],
  );
  return useCallback(
    (month: string) => (/^\d{4}-\d{2}$/.test(month) ? months.format(new Date(`${month}-01T00:00:00Z`)) : month),
    [months],
  );
}

/** A category's name inside a sentence: its first letter lower-cased ("air defence"). */
function inSentence(name: string, locale: string): string {
  return `${name.charAt(0).toLocaleLowerCase(locale)}${name.slice(1)}`;
}

export function useFigureHeading(params: RecordsParams): string {
  const t = useT();
  const { locale } = useFormat();
  const nameOf = useOrganisationNames();
  const categoryName = useCategoryNames();
  const longMonth = useLongMonth();
  const stage = shownStage(params);
  if (!stage) return t('records.title');
  return t('records.heading', {
    stage,
    donor: params.donor ? nameOf(params.donor) : 'none',
    month: params.month ? longMonth(params.month) : 'none',
    category: params.category ? inSentence(categoryName(params.category), locale) : 'none',
    filtered: isFiltered(params) ? 'yes' : 'no',
  });
}
