import { Link } from 'wouter';
import { useCategoryNames, useOrganisationNames } from '../../../api/reference.ts';
import { STAGES } from '../../../api/types.ts';
import { useT } from '../../../i18n/useT.ts';
import { useLongMonth } from './heading.ts';
import { FILTERS, type FilterName, isFiltered, type RecordsParams, recordsHref, shownStage } from './params.ts';

/** What the figure covers, each filter with a link to the figure without it; and the same figure at other stages. */
export function FilterSummary({ params }: { params: RecordsParams }) {
  const t = useT();
  const nameOf = useOrganisationNames();
  const categoryName = useCategoryNames();
  const longMonth = useLongMonth();
  const label = (name: FilterName, value: string): string => {
    if (name === 'donor') return t('records.filter.donor', { name: nameOf(value) });
    if (name === 'month') return t('records.filter.month', { month: longMonth(value) });
    return t('records.filter.category', { name: categoryName(value) });
  };
  const stage = shownStage(params);
  return (
    <section className="records-filters" aria-labelledby="records-filters-heading">
      <h2 id="records-filters-heading">{t('records.filters.heading')}</h2>
      {isFiltered(params) ? (
        <ul className="records-filter-list">
          {FILTERS.flatMap((name) => {
            const value = params[name];
            if (value === undefined) return [];
            const text = label(name, value);
            return [
              <li key={name}>
                <span>{text}</span>{' '}
                <Link
                  href={recordsHref({ ...params, [name]: undefined })}
                  aria-label={t('records.filter.removeLabel', { filter: text })}
                >
                  {t('records.filter.remove')}
                </Link>
              </li>,
            ];
          })}
        </ul>
      ) : (
        <p>{t('records.filters.none')}</p>
      )}
      <p className="records-stages">
        {t('records.stages.label')}{' '}
        {STAGES.map((other, index) => (
          <span key={other}>
            {index > 0 ? ' · ' : null}
            {other === stage ? (
              <strong aria-current="page">{t(`common.stage.${other}`)}</strong>
            ) : (
              <Link href={recordsHref({ ...params, stage: other })}>{t(`common.stage.${other}`)}</Link>
            )}
          </span>
        ))}
      </p>
    </section>
  );
}
