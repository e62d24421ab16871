import { Link } from 'wouter';
import { type FlowTotals, type FlowTrackerTotals, trackerTitle } from '../../../api/flows.ts';
import { useApi } from '../../../api/hooks.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useT } from '../../../i18n/useT.ts';
import { FlowFigures } from '../trackers/FlowFigures.tsx';
import { useFlowLabels } from '../trackers/labels.ts';
import { TrackerMonthsChart } from '../trackers/TrackerMonthsChart.tsx';
import { TrackerReleases } from '../trackers/TrackerReleases.tsx';
import '../trackers/trackers.css';

/**
 * What imported trackers estimate or report of one donor, by month and kind, beside its recorded contributions and
 * never added into them; a link to every tracker's figures.
 */
export function DonorTrackers({ donorId, name }: { donorId: string; name: string }) {
  const t = useT();
  const { currency } = useCurrency();
  const totals = useApi<FlowTotals>('/flows/totals', { donor: donorId, currency });
  return (
    <section className="donor-trackers" aria-labelledby="donor-trackers">
      <h2 id="donor-trackers">{t('trackers.donor.heading')}</h2>
      <p>{t('trackers.donor.lead', { name })}</p>
      <QueryState query={totals}>
        {(answer) =>
          answer.trackers.length === 0 ? (
            <p>{t('trackers.donor.none', { name })}</p>
          ) : (
            answer.trackers.map((tracker) => <DonorTracker key={tracker.basis} tracker={tracker} name={name} />)
          )
        }
      </QueryState>
      <p>
        <Link href="/trackers">{t('trackers.donor.all')}</Link>
      </p>
    </section>
  );
}

function DonorTracker({ tracker, name }: { tracker: FlowTrackerTotals; name: string }) {
  const t = useT();
  const labels = useFlowLabels();
  const { currency } = useCurrency();
  const title = trackerTitle(tracker) ?? t('trackers.unnamed', { basis: labels.basis(tracker.basis) });
  return (
    <>
      <h3>{title}</h3>
      <TrackerReleases tracker={tracker} />
      <FlowFigures totals={tracker.totals} />
      <TrackerMonthsChart title={t('trackers.donor.months.title', { name, title, currency })} months={tracker.months} />
    </>
  );
}
