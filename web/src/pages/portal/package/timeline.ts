/**
 * A package's history as steps, from proposal to receipt: each ledger event of the package, of its contributions and
 * of the claims and figures about it, read into what the page shows (kind, donor, amount, quantities), in the order
 * they happened (day, then the ledger's order within a day).
 */
import type { LineQuantity } from '../../../api/packages.ts';
import type { Contribution, Money, TimelineEvent } from '../../../api/types.ts';

const STEP_KINDS = [
  'proposed',
  'validated',
  'funded',
  'contracted',
  'shipped',
  'received-partly',
  'received-fully',
  'closed',
  'cancelled',
  'pledged',
  'committed',
  'paid',
  'amended',
  'withdrawn',
  'reported',
  'linked',
  'adopted',
  'other',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const KIND_OF_TYPE: Readonly<Record<string, StepKind>> = {
  PackageProposed: 'proposed',
  PackageValidated: 'validated',
  PackageFunded: 'funded',
  PackageContracted: 'contracted',
  ShipmentDispatched: 'shipped',
  PackageClosed: 'closed',
  PackageCancelled: 'cancelled',
  ContributionPledged: 'pledged',
  ContributionCommitted: 'committed',
  ContributionPaid: 'paid',
  ContributionAmended: 'amended',
  ContributionWithdrawn: 'withdrawn',
  ClaimRecorded: 'reported',
  ClaimLinked: 'linked',
  FigureAdopted: 'adopted',
};

export interface TimelineStep {
  readonly kind: StepKind;
  readonly event: TimelineEvent;
  /** The donor(s) of a contribution step, or those a claim names. */
  readonly donorIds: readonly string[];
  /** The amount pledged, committed, paid, amended to, reported, or the low end adopted. */
  readonly amount: Money | null;
  /** Up to this amount, when a range was adopted. */
  readonly amountHigh: Money | null;
  /** Per line, for shipments and receipts. */
  readonly quantities: readonly LineQuantity[];
  /** The package's delivered share after a receipt, 0…1; `delivered` when it reaches the whole. */
  readonly deliveredShare: number | null;
  readonly delivered: boolean;
  /** What a claim reports: its stage and the sentence that states it. */
  readonly stage: string | null;
  readonly sentence: string | null;
  /** The source a claim was taken from. */
  readonly claimSourceId: string | null;
  /** Why a package was cancelled or a contribution amended or withdrawn. */
  readonly reason: string | null;
}

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (fields: Fields, key: string): string | null => {
  const value = fields[key];
  return typeof value === 'string' ? value : null;
};

function moneyOf(value: unknown): Money | null {
  if (!isFields(value)) return null;
  const amount = text(value, 'amount');
  const currency = text(value, 'currency');
  return amount !== null && currency !== null ? { amount, currency } : null;
}

function quantitiesOf(value: unknown): LineQuantity[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (!isFields(entry)) return [];
    const lineId = text(entry, 'lineId');
    const quantity = entry.quantity;
    return lineId !== null && typeof quantity === 'number' ? [{ lineId, quantity }] : [];
  });
}

function fractionOf(value: unknown): number | null {
  if (!isFields(value)) return null;
  const numerator = Number(text(value, 'numerator'));
  const denominator = Number(text(value, 'denominator'));
  return Number.isFinite(numerator) && Number.isFinite(denominator) && denominator > 0 ? numerator / denominator : null;
}

/** `contribution-se-purl-nordic-1` → `se-purl-nordic-1`. */
export function contributionIdOf(streamId: string): string | null {
  return streamId.startsWith('contribution-') ? streamId.slice('contribution-'.length) : null;
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/** One event read as a step; `contributions` give the donor of a contribution's later events. */
export function stepOf(event: TimelineEvent, contributions: readonly Contribution[]): TimelineStep {
  const data: Fields = isFields(event.data) ? event.data : {};
  let kind: StepKind = KIND_OF_TYPE[event.type] ?? 'other';
  const share = fractionOf(data.deliveredShare);
  if (event.type === 'DeliveryReceived') kind = data.full === true ? 'received-fully' : 'received-partly';
  const contributionId = contributionIdOf(event.streamId);
  const donorId = text(data, 'donorId') ?? contributions.find((c) => c.id === contributionId)?.donorId ?? null;
  const donorIds = kind === 'reported' ? stringsOf(data.donorIds) : donorId ? [donorId] : [];
  const adopted = kind === 'adopted';
  const amount = moneyOf(adopted ? data.low : data.amount) ?? moneyOf(data.targetValue);
  const high = adopted ? moneyOf(data.high) : null;
  return {
    kind,
    event,
    donorIds,
    amount,
    amountHigh: high && amount && high.amount !== amount.amount ? high : null,
    quantities: quantitiesOf(data.lines),
    deliveredShare: share,
    delivered: share !== null && share >= 1,
    stage: kind === 'reported' ? text(data, 'stage') : adopted ? stageOfFigure(event.streamId) : null,
    sentence: kind === 'reported' ? text(data, 'sentence') : null,
    claimSourceId: kind === 'reported' ? text(data, 'sourceId') : null,
    reason: text(data, 'reason') ?? (adopted ? text(data, 'note') : null),
  };
}

/** `figure-package:purl-nordic-1:pledged` → `pledged`. */
function stageOfFigure(streamId: string): string | null {
  const parts = streamId.split(':');
  return parts.length > 2 ? (parts[parts.length - 1] ?? null) : null;
}

/** Every event as a step, by the day it happened, then in the ledger's order. */
export function timelineSteps(
  events: readonly TimelineEvent[],
  contributions: readonly Contribution[],
): TimelineStep[] {
  return [...events]
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.seq - b.seq))
    .map((event) => stepOf(event, contributions));
}

/** The steps of the kinds shown; `reported` and `adopted` (what sources said) can be left out. */
export function withoutReports(steps: readonly TimelineStep[]): TimelineStep[] {
  return steps.filter((step) => step.kind !== 'reported' && step.kind !== 'adopted' && step.kind !== 'linked');
}
