import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLocation } from 'wouter';
import { useApi } from '../../../api/hooks.ts';
import { useCategoryNames, useOrganisationNames } from '../../../api/reference.ts';
import { type Currency, STAGES, type TotalRow } from '../../../api/types.ts';
import { BarChart, type BarSeries } from '../../../charts/BarChart.tsx';
import { STAGE_COLOURS } from '../../../charts/chart-setup.ts';
import { axisLabel, categorySeries, donorSeries, monthSeries, type StageTable } from '../../../charts/totals-series.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormat } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';

type Dimension = 'donor' | 'month' | 'category';

interface ChartSpec {
  readonly table: (rows: readonly TotalRow[]) => StageTable;
  /** The records page's filter for one bar's category. */
  readonly filter: Dimension;
  readonly title: MessageKey;
  readonly heading: MessageKey;
  readonly horizontal: boolean;
}

const CHARTS: Readonly<Record<Dimension, ChartSpec>> = {
  donor: {
    table: donorSeries,
    filter: 'donor',
    title: 'overview.chart.donor.title',
    heading: 'overview.chart.donor.heading',
    horizontal: true,
  },
  month: {
    table: monthSeries,
    filter: 'month',
    title: 'overview.chart.month.title',
    heading: 'overview.chart.month.heading',
    horizontal: false,
  },
  category: {
    table: categorySeries,
    filter: 'category',
    title: 'overview.chart.category.title',
    heading: 'overview.chart.category.heading',
    horizontal: true,
  },
};

/** The totals by donor, by month and by category, one bar per stage; a bar (or its row in the table) opens its records. */
export function Charts({ currency }: { currency: Currency }) {
  return (
    <div className="charts overview-charts">
      <TotalsChart dimension="donor" currency={currency} />
      <TotalsChart dimension="month" currency={currency} />
      <TotalsChart dimension="category" currency={currency} />
    </div>
  );
}

/** Phone width, where Chart.js gives an axis's names at most half the canvas (≈ 22 characters). */
const NARROW = '(max-width: 40rem)';
function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

function TotalsChart({ dimension, currency }: { dimension: Dimension; currency: Currency }) {
  const query = useApi<TotalRow[]>('/totals', { currency, by: dimension });
  return (
    <QueryState query={query}>
      {(rows) => <StageChart spec={CHARTS[dimension]} rows={rows} currency={currency} dimension={dimension} />}
    </QueryState>
  );
}

function StageChart(props: { spec: ChartSpec; rows: readonly TotalRow[]; currency: Currency; dimension: Dimension }) {
  const { spec, rows, currency, dimension } = props;
  const t = useT();
  const format = useFormat();
  const organisationName = useOrganisationNames();
  const categoryName = useCategoryNames();
  const [, navigate] = useLocation();
  const narrow = useNarrowScreen();
  const table = useMemo(() => spec.table(rows), [spec, rows]);
  const categories = useMemo(() => {
    if (dimension === 'month') return table.keys.map((key) => format.month(key));
    const nameOf = dimension === 'donor' ? organisationName : categoryName;
    return table.keys.map((key) => nameOf(key));
  }, [table, dimension, organisationName, categoryName, format]);
  const axisLabels = useMemo(() => categories.map((name) => axisLabel(name, narrow ? 22 : 32)), [categories, narrow]);
  const series = useMemo<BarSeries[]>(
    () =>
      STAGES.map((stage) => ({
        label: t(`overview.figure.${stage}`),
        colour: STAGE_COLOURS[stage],
        values: table.values[stage],
      })),
    [table, t],
  );
  const formatValue = useCallback(
    (value: number) => format.moneyShort({ amount: String(value), currency }),
    [format, currency],
  );
  const hrefFor = useCallback(
    (index: number) => `/records?${spec.filter}=${encodeURIComponent(table.keys[index] ?? '')}`,
    [spec, table],
  );
  if (table.keys.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{t(spec.title)}</figcaption>
        <p>{t('overview.chart.empty')}</p>
      </figure>
    );
  }
  return (
    <BarChart
      title={t(spec.title)}
      categories={categories}
      axisLabels={axisLabels}
      series={series}
      formatValue={formatValue}
      hrefFor={hrefFor}
      navigate={navigate}
      horizontal={spec.horizontal}
      categoryHeading={t(spec.heading)}
      tableSummary={t('common.chart.table', { title: t(spec.title) })}
    />
  );
}
