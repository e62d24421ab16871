import type { ChartData, ChartOptions } from 'chart.js';
import { useId, useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { Link } from 'wouter';
import './chart-setup.ts';

export interface BarSeries {
  readonly label: string;
  readonly colour: string;
  /** One value per category, in the chart's unit (e.g. millions of the chosen currency). */
  readonly values: readonly number[];
  /** In a stacked chart, the bar this series is stacked on (series without one share a single bar). */
  readonly stack?: string;
  /**
   * What tells the series apart when labels may not (a label can be a message id until its catalog has loaded, the
   * same for every series); the label when absent.
   */
  readonly id?: string;
}

export interface BarChartProps {
  readonly title: string;
  /** The categories (donors, months, categories), named in full: in the table and the tooltips. */
  readonly categories: readonly string[];
  /** Shorter names for the axis, where a long name would be cut (default: the categories). */
  readonly axisLabels?: readonly string[];
  readonly series: readonly BarSeries[];
  /** How a value is written on the axis, in tooltips and in the table. */
  readonly formatValue: (value: number) => string;
  /** Where a category leads: the records and sources behind its bars. */
  readonly hrefFor?: (index: number) => string;
  readonly navigate?: (href: string) => void;
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  /** The first column's heading in the table that reads out the chart. */
  readonly categoryHeading: string;
  /** What opens that table ("Pledged by donor: the numbers as a table"). */
  readonly tableSummary: string;
}

/**
 * A bar chart (Chart.js on a canvas) and, beside it, the same numbers as a table whose rows link to the records
 * behind each bar: a click on a bar and a keyboard user's Enter on the row's link lead to the same place, and a
 * screen reader reads the table rather than the picture.
 */
export function BarChart(props: BarChartProps) {
  const { title, categories, series, formatValue, hrefFor, navigate, horizontal = false, stacked = false } = props;
  const axisLabels = props.axisLabels ?? categories;
  const tableId = useId();
  const data = useMemo<ChartData<'bar'>>(
    () => ({
      labels: [...axisLabels],
      datasets: series.map((entry) => ({
        label: entry.label,
        data: [...entry.values],
        backgroundColor: entry.colour,
        borderRadius: 2,
        ...(entry.stack === undefined ? {} : { stack: entry.stack }),
      })),
    }),
    [axisLabels, series],
  );
  const options = useMemo<ChartOptions<'bar'>>(() => {
    const valueAxis = { stacked, ticks: { callback: (value: string | number) => formatValue(Number(value)) } };
    const categoryAxis = { stacked, ticks: { autoSkip: true } };
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items) => categories[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => `${item.dataset.label ?? ''}: ${formatValue(Number(item.raw))}`,
          },
        },
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (hrefFor && target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (index !== undefined && hrefFor && navigate) navigate(hrefFor(index));
      },
    };
  }, [categories, formatValue, hrefFor, navigate, horizontal, stacked]);
  const height = horizontal ? Math.max(200, categories.length * 28 + 80) : 300;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div style={{ height }}>
        <Bar data={data} options={options} aria-describedby={tableId} role="img" aria-label={title} />
      </div>
      <details>
        <summary>{props.tableSummary}</summary>
        <table id={tableId}>
          <thead>
            <tr>
              <th scope="col">{props.categoryHeading}</th>
              {series.map((entry) => (
                <th scope="col" key={entry.id ?? entry.label} className="number">
                  {entry.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <tr key={category}>
                <th scope="row">{hrefFor ? <Link href={hrefFor(index)}>{category}</Link> : category}</th>
                {series.map((entry) => (
                  <td key={entry.id ?? entry.label} className="number">
                    {formatValue(entry.values[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
