import type { FlowRelease, FlowTracker } from '../../../api/flows.ts';
import { SourceCitation } from '../../../components/SourceCitation.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { isBasis, useFlowLabels } from './labels.ts';

/**
 * Where a tracker's figures come from: its basis (the tracker's estimates, or what was reported to it) and each
 * release imported, cited as its source record names it, with the day it was imported and what it gave. A release a
 * later one supersedes is listed and marked: the sums are the latest release's alone.
 */
export function TrackerReleases({ tracker }: { tracker: FlowTracker }) {
  const t = useT();
  const labels = useFlowLabels();
  return (
    <>
      <p className="tracker-basis">
        <span className="status">{t('trackers.basisLabel', { basis: labels.basis(tracker.basis) })}</span>{' '}
        {isBasis(tracker.basis) ? t(`trackers.basisNote.${tracker.basis}`) : null}
      </p>
      <ul className="tracker-releases">
        {tracker.releases.map((release) => (
          <Release key={release.importId} release={release} />
        ))}
      </ul>
    </>
  );
}

function Release({ release }: { release: FlowRelease }) {
  const t = useT();
  const format = useFormat();
  const imported = t('trackers.release.imported', {
    date: format.date(release.completedOn),
    file: release.file,
    rows: release.rowsRead,
    flows: release.flows,
  });
  return (
    <li>
      {release.source ? (
        <SourceCitation source={release.source} lineClassName="tracker-source-line" />
      ) : (
        <cite>{release.release ?? release.file}</cite>
      )}
      <br />
      <span className="tracker-source-line">{imported}</span>
      {release.current ? null : (
        <>
          <br />
          <span className="tracker-warning">{t('trackers.release.superseded')}</span>
        </>
      )}
    </li>
  );
}
