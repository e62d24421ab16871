import type { FlowTotals } from '../../api/flows.ts';
import { useApi } from '../../api/hooks.ts';
import { useCurrency } from '../../app/currency.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n/useT.ts';
import { TrackerSection } from './trackers/TrackerSection.tsx';
import './trackers/trackers.css';

/**
 * What imported trackers (the Kiel Ukraine Support Tracker, OCHA FTS) estimate or report that donors gave: for each,
 * its releases as cited sources and its basis, its sums over the period, month by month and per donor. The trackers'
 * own figures, shown beside the packages and never added into the pipeline's totals.
 */
export function TrackersPage() {
  const t = useT();
  const { currency } = useCurrency();
  const totals = useApi<FlowTotals>('/flows/totals', { currency });
  return (
    <Page title={t('trackers.title')} lead={t('trackers.lead')}>
      <QueryState query={totals}>
        {(answer) =>
          answer.trackers.length === 0 ? (
            <p>{t('trackers.empty')}</p>
          ) : (
            answer.trackers.map((tracker) => <TrackerSection key={tracker.basis} tracker={tracker} />)
          )
        }
      </QueryState>
    </Page>
  );
}
