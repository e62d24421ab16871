import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { useApiAnswers } from '../../../api/donors.ts';
import { useApi } from '../../../api/hooks.ts';
import { useOrganisationNames } from '../../../api/reference.ts';
import { STAGES, type TotalRow } from '../../../api/types.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { BarChart, type BarSeries } from '../../../charts/BarChart.tsx';
import { STAGE_COLOURS } from '../../../charts/chart-setup.ts';
import { donorMonthSeries } from '../../../charts/donor-months-series.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';

/** The donor's money by month and stage; beside it, what its coalitions gave jointly, month by month. */
export function DonorMonthsChart({
  donorId,
  name,
  isCoalition,
  coalitionIds,
}: {
  donorId: string;
  name: string;
  isCoalition: boolean;
  coalitionIds: readonly string[];
}) {
  const t = useT();
  const nameOf = useOrganisationNames();
  const { currency } = useCurrency();
  const own = useApi<TotalRow[]>('/totals', { by: 'month', donor: donorId, currency });
  const joint = useApiAnswers<TotalRow[]>(
    coalitionIds.map((id) => ({ path: '/totals', params: { by: 'month', donor: id, currency } })),
  );
  const jointRows = useMemo(() => joint.data.flat(), [joint.data]);
  const [onlyCoalition] = coalitionIds.length === 1 ? coalitionIds : [];
  return (
    <div className="charts">
      <QueryState query={own}>
        {(rows) => (
          <MonthsChart
            title={t(isCoalition ? 'donor.months.coalition' : 'donor.months.alone', { name, currency })}
            rows={rows}
            donorId={donorId}
          />
        )}
      </QueryState>
      {coalitionIds.length > 0 ? (
        <MonthsChart
          title={t('donor.months.joint', { coalitions: coalitionIds.map(nameOf).join(', '), currency })}
          rows={jointRows}
          donorId={onlyCoalition}
        />
      ) : null}
    </div>
  );
}

function MonthsChart({ title, rows, donorId }: { title: string; rows: readonly TotalRow[]; donorId?: string }) {
  const t = useT();
  const format = useFormat();
  const { currency } = useCurrency();
  const [, navigate] = useLocation();
  const series = useMemo(() => donorMonthSeries(rows), [rows]);
  const categories = useMemo(() => series.months.map((month) => format.month(month)), [series, format]);
  const bars = useMemo<BarSeries[]>(
    () =>
      STAGES.map((stage) => ({
        label: t(`donor.stage.${stage}`),
        colour: STAGE_COLOURS[stage],
        values: series.values[stage],
      })),
    [series, t],
  );
  const formatValue = useCallback(
    (value: number) => format.moneyShort({ amount: String(value), currency }),
    [format, currency],
  );
  const hrefFor = useCallback(
    (index: number) => {
      const month = series.months[index] ?? '';
      return `/records?donor=${encodeURIComponent(donorId ?? '')}&month=${month}`;
    },
    [series, donorId],
  );
  if (series.months.length === 0) {
    return (
      <div>
        <h3>{title}</h3>
        <p>{t('donor.months.empty')}</p>
      </div>
    );
  }
  return (
    <BarChart
      title={title}
      categories={categories}
      series={bars}
      formatValue={formatValue}
      hrefFor={donorId ? hrefFor : undefined}
      navigate={navigate}
      categoryHeading={t('donor.months.month')}
      tableSummary={t('common.chart.table', { title })}
    />
  );
}
