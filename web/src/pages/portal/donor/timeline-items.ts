/**
 * A donor's history as its page tells it: its own events and its contributions' (GET /api/organisations/:id/timeline)
 * and, from the packages it funds, the shipments and receipts that show what its money became. Each event reads as
 * what happened, to which package, for how much, with the sources behind it.
 */
import type { Contribution, Money, TimelineEvent } from '../../../api/types.ts';

/** The events a donor's page names; any other is shown by its type. */
const TIMELINE_EVENTS = [
  'OrganisationRegistered',
  'OrganisationAmended',
  'ContributionPledged',
  'ContributionCommitted',
  'ContributionPaid',
  'ContributionAmended',
  'ContributionWithdrawn',
  'ShipmentDispatched',
  'DeliveryReceived',
  'PackageClosed',
  'PackageCancelled',
] as const;
export type DonorEventType = (typeof TIMELINE_EVENTS)[number];

/** The events of a funded package that belong on its donors' timelines. */
const PACKAGE_EVENTS: ReadonlySet<string> = new Set(['ShipmentDispatched', 'DeliveryReceived', 'PackageCancelled']);

export interface TimelineItem {
  readonly entry: TimelineEvent;
  /** Its type when the page names it. */
  readonly event: DonorEventType | null;
  readonly packageId: string | null;
  readonly amount: Money | null;
  /** A receipt: whether it completed the delivery. */
  readonly full: boolean | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function moneyIn(data: unknown): Money | null {
  if (!isRecord(data) || !isRecord(data.amount)) return null;
  const { amount, currency } = data.amount;
  return typeof amount === 'string' && typeof currency === 'string' ? { amount, currency } : null;
}

function stringIn(data: unknown, field: string): string | null {
  if (!isRecord(data)) return null;
  const value = data[field];
  return typeof value === 'string' ? value : null;
}

const eventOf = (type: string): DonorEventType | null => TIMELINE_EVENTS.find((event) => event === type) ?? null;

/** `contribution-se-purl-nordic-1` → the contribution's package; `package-purl-nl-1` → `purl-nl-1`. */
function packageOf(entry: TimelineEvent, contributions: readonly Contribution[]): string | null {
  const fromData = stringIn(entry.data, 'packageId');
  if (fromData) return fromData;
  if (entry.streamId.startsWith('package-')) return entry.streamId.slice('package-'.length);
  if (entry.streamId.startsWith('contribution-')) {
    const id = entry.streamId.slice('contribution-'.length);
    return contributions.find((contribution) => contribution.id === id)?.packageId ?? null;
  }
  return null;
}

/** The donor's events and its packages' deliveries, oldest first, each event once. */
export function timelineItems(
  own: readonly TimelineEvent[],
  packageTimelines: readonly (readonly TimelineEvent[])[],
  contributions: readonly Contribution[],
): TimelineItem[] {
  const bySeq = new Map<number, TimelineEvent>();
  for (const entry of own) bySeq.set(entry.seq, entry);
  for (const timeline of packageTimelines) {
    for (const entry of timeline) if (PACKAGE_EVENTS.has(entry.type)) bySeq.set(entry.seq, entry);
  }
  return [...bySeq.values()]
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.seq - b.seq)
    .map((entry) => {
      const full = isRecord(entry.data) && typeof entry.data.full === 'boolean' ? entry.data.full : null;
      return {
        entry,
        event: eventOf(entry.type),
        packageId: packageOf(entry, contributions),
        amount: moneyIn(entry.data),
        full,
      };
    });
}
