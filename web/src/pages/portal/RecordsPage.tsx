import { useSearch } from 'wouter';
import { useApi } from '../../api/hooks.ts';
import type { FigureRecords } from '../../api/records.ts';
import { useCurrency } from '../../app/currency.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { FilterSummary } from './records/FilterSummary.tsx';
import { useFigureHeading } from './records/heading.ts';
import { readParams } from './records/params.ts';
import { RecordsTable } from './records/RecordsTable.tsx';
import './records/records.css';

/**
 * The records and the sources behind one figure of the overview: `/records?stage=paid&donor=se&month=2025-08&
 * category=air-defence` (any of the filters). Each row is one contribution's share; the rows add up to the figure.
 */
export function RecordsPage() {
  const t = useT();
  const format = useFormat();
  const params = readParams(useSearch());
  const { currency } = useCurrency();
  const query = useApi<FigureRecords>('/records', { currency, ...params });
  return (
    <Page title={useFigureHeading(params)} lead={t('records.lead')}>
      <FilterSummary params={params} />
      <QueryState query={query}>
        {(figure) => (
          <>
            <p className="figure records-total">
              <span className="figure-label">{t('records.total.label')}</span>{' '}
              <span className="figure-value" data-testid="records-total">
                {format.money(figure.total)}
              </span>{' '}
              <span className="figure-note">{t('records.total.count', { count: figure.records.length })}</span>
            </p>
            {figure.records.length === 0 ? (
              <p>{t('records.empty')}</p>
            ) : (
              <RecordsTable records={figure.records} currency={figure.currency} />
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
