import { useMemo } from 'react';
import { Link } from 'wouter';
import { organisationPath, useApiAnswers } from '../../../api/donors.ts';
import { useApi } from '../../../api/hooks.ts';
import type { Contribution, TimelineEvent } from '../../../api/types.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { EvidenceList } from '../sources/EvidenceList.tsx';
import { type TimelineItem, timelineItems } from './timeline-items.ts';
import './donor.css';

const BASES = ['official', 'reported', 'estimate'] as const;
const basisOf = (basis: string) => BASES.find((known) => known === basis);

/** The donor's history, oldest first, each step with the sources that support it. */
export function DonorTimeline({ donorId }: { donorId: string }) {
  const { currency } = useCurrency();
  const own = useApi<TimelineEvent[]>(`${organisationPath(donorId)}/timeline`);
  const contributions = useApi<Contribution[]>('/contributions', { donor: donorId, currency });
  const packageIds = useMemo(
    () => [...new Set((contributions.data ?? []).flatMap((row) => (row.packageId ? [row.packageId] : [])))],
    [contributions.data],
  );
  const packages = useApiAnswers<TimelineEvent[]>(
    packageIds.map((id) => ({ path: `/packages/${encodeURIComponent(id)}/timeline` })),
  );
  return (
    <QueryState query={own}>
      {(entries) => <Timeline items={timelineItems(entries, packages.data, contributions.data ?? [])} />}
    </QueryState>
  );
}

function Timeline({ items }: { items: readonly TimelineItem[] }) {
  const t = useT();
  if (items.length === 0) return <p>{t('donor.timeline.empty')}</p>;
  return (
    <ol className="donor-timeline">
      {items.map((item) => (
        <TimelineStep key={item.entry.seq} item={item} />
      ))}
    </ol>
  );
}

function TimelineStep({ item }: { item: TimelineItem }) {
  const t = useT();
  const format = useFormat();
  const { entry, event, packageId, amount, full } = item;
  const basis = basisOf(entry.basis);
  return (
    <li>
      <div className="donor-timeline-head">
        <time dateTime={entry.occurredOn}>{format.date(entry.occurredOn)}</time>
        <strong>{event ? t(`donor.event.${event}`) : entry.type}</strong>
        {full === null ? null : <span>{full ? t('donor.timeline.full') : t('donor.timeline.partial')}</span>}
        {packageId ? (
          <Link href={`/packages/${encodeURIComponent(packageId)}`}>
            {t('donor.timeline.package', { id: packageId })}
          </Link>
        ) : null}
        {amount ? <span>{format.money(amount)}</span> : null}
        {basis ? <span className="status">{t(`common.basis.${basis}`)}</span> : null}
      </div>
      <EvidenceList evidence={entry.evidence} />
    </li>
  );
}
