import { Link } from 'wouter';
import { type FlowTracker, trackerTitle } from '../../../api/flows.ts';
import { useApi } from '../../../api/hooks.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useFlowLabels } from '../trackers/labels.ts';

/**
 * One line per imported tracker under the headline figures — "Tracker estimates: 42 donors, Jan 2022 to Apr 2026
 * (Ukraine Support Tracker, Release 29 (04/2026))" — linking to the trackers page; nothing when no tracker has flows.
 */
export function TrackerLine() {
  const t = useT();
  const format = useFormat();
  const labels = useFlowLabels();
  const { data } = useApi<FlowTracker[]>('/flows/trackers');
  if (!data || data.length === 0) return null;
  return (
    <ul className="overview-trackers">
      {data.map((tracker) => (
        <li key={tracker.basis}>
          <Link href="/trackers">
            {t('trackers.overview.line', {
              donors: tracker.donorCount,
              from: format.month(tracker.period.from),
              to: format.month(tracker.period.to),
              title: trackerTitle(tracker) ?? labels.basis(tracker.basis),
            })}
          </Link>{' '}
          <span className="figure-note">{t('trackers.overview.note')}</span>
        </li>
      ))}
    </ul>
  );
}
