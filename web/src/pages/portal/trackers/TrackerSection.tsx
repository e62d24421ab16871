import { useId } from 'react';
import { type FlowTrackerTotals, trackerTitle } from '../../../api/flows.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { FlowFigures } from './FlowFigures.tsx';
import { useFlowLabels } from './labels.ts';
import { TrackerDonorsTable } from './TrackerDonorsTable.tsx';
import { TrackerMonthsChart } from './TrackerMonthsChart.tsx';
import { TrackerReleases } from './TrackerReleases.tsx';

/**
 * One tracker on the trackers page: named by its release, with its basis and source, its donors and months, and its
 * sums over the period by stage and category.
 */
export function TrackerSection({ tracker }: { tracker: FlowTrackerTotals }) {
  const t = useT();
  const format = useFormat();
  const labels = useFlowLabels();
  const { currency } = useCurrency();
  const headingId = useId();
  const title = trackerTitle(tracker) ?? t('trackers.unnamed', { basis: labels.basis(tracker.basis) });
  return (
    <section className="tracker" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <TrackerReleases tracker={tracker} />
      <p>
        {t('trackers.summary', {
          donors: tracker.donorCount,
          from: format.month(tracker.period.from),
          to: format.month(tracker.period.to),
          flows: tracker.flows,
        })}
      </p>
      <h3>{t('trackers.totals.heading', { currency })}</h3>
      <FlowFigures totals={tracker.totals} />
      <h3>{t('trackers.months.heading')}</h3>
      <TrackerMonthsChart title={t('trackers.months.title', { title, currency })} months={tracker.months} />
      <h3>{t('trackers.donors.heading')}</h3>
      <TrackerDonorsTable tracker={tracker} title={title} />
    </section>
  );
}
