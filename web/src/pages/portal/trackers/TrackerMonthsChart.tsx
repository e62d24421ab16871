import { useCallback, useMemo } from 'react';
import type { FlowMonthSum } from '../../../api/flows.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { BarChart, type BarSeries } from '../../../charts/BarChart.tsx';
import { flowColour, flowMonthSeries } from '../../../charts/flow-series.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useFlowLabels } from './labels.ts';

/**
 * A tracker's flows month by month: one bar per stage, its categories stacked on it (Kiel's allocations by kind beside
 * its commitments), and the same numbers in a table under the chart.
 */
export function TrackerMonthsChart({ title, months }: { title: string; months: readonly FlowMonthSum[] }) {
  const t = useT();
  const format = useFormat();
  const labels = useFlowLabels();
  const { currency } = useCurrency();
  const series = useMemo(() => flowMonthSeries(months), [months]);
  const categories = useMemo(() => series.months.map((month) => format.month(month)), [series, format]);
  const bars = useMemo<BarSeries[]>(
    () =>
      series.keys.map((key, index) => ({
        id: key.id,
        label: labels.key(key),
        colour: flowColour(index),
        values: series.values[key.id] ?? [],
        stack: key.stage,
      })),
    [series, labels],
  );
  const formatValue = useCallback(
    (value: number) => format.moneyShort({ amount: String(value), currency }),
    [format, currency],
  );
  return (
    <BarChart
      title={title}
      categories={categories}
      series={bars}
      formatValue={formatValue}
      stacked
      categoryHeading={t('trackers.months.month')}
      tableSummary={t('common.chart.table', { title })}
    />
  );
}
