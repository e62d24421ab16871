/**
 * The JSON the web app reads from the API (GET /api/…; the OpenAPI document at /api/docs is the full contract).
 * Only the fields the pages use are named here.
 */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}
export type Currency = 'EUR' | 'USD';
export const CURRENCIES: readonly Currency[] = ['EUR', 'USD'];

export type Localised = Readonly<Partial<Record<'uk' | 'en' | 'ru', string>>>;
export type Visibility = 'public' | 'partners' | 'restricted';
export type Stage = 'pledged' | 'committed' | 'paid' | 'delivered';
export const STAGES: readonly Stage[] = ['pledged', 'committed', 'paid', 'delivered'];

export type PackageStatus =
  | 'proposed'
  | 'validated'
  | 'funded'
  | 'contracted'
  | 'in-transit'
  | 'partially-delivered'
  | 'delivered'
  | 'closed'
  | 'cancelled';
export const PACKAGE_STATUSES: readonly PackageStatus[] = [
  'proposed',
  'validated',
  'funded',
  'contracted',
  'in-transit',
  'partially-delivered',
  'delivered',
  'closed',
  'cancelled',
];

export interface Summary {
  readonly currency: Currency;
  readonly totals: Readonly<Record<Stage, Money>>;
  readonly gap: {
    readonly amount: Money;
    readonly medianLagDays: number | null;
    readonly deliveredContributions: number;
  };
  readonly packagesByStatus: Readonly<Partial<Record<PackageStatus, number>>>;
}

/** One row of GET /api/totals: a stage's total, split by whichever of donor, category and month was asked for. */
export interface TotalRow {
  readonly stage: Stage;
  readonly donorId?: string;
  readonly category?: string;
  readonly month?: string;
  readonly amount: Money;
}

export type OrganisationKind =
  | 'state'
  | 'eu-body'
  | 'coordinating-command'
  | 'supplier'
  | 'coalition'
  | 'international-organisation'
  | 'ngo'
  | 'other';

export interface Organisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly iso3166: string | null;
  readonly names: Localised;
  readonly members: readonly string[];
  readonly visibility: Visibility;
}

export interface DonorSummary {
  readonly donorId: string;
  readonly currency: Currency;
  readonly totals: Readonly<Record<Stage, Money>>;
  readonly medianLagDays: number | null;
  readonly coalitions: readonly string[];
}

export interface OrganisationDetail extends Organisation {
  readonly donorSummary?: DonorSummary | null;
}

export interface Category {
  readonly id: string;
  readonly label: Localised;
  readonly kiel: string;
}

export type ContributionStatus = 'pledged' | 'committed' | 'withdrawn';

/** One contribution (GET /api/contributions, and inside a package): the donor's own amount and its equivalents. */
export interface Contribution {
  readonly id: string;
  readonly donorId: string;
  readonly packageId: string | null;
  readonly category: string;
  readonly status: ContributionStatus;
  /** In the donor's currency. */
  readonly amount: Money;
  readonly paidAmount: Money;
  /** Equivalents in the reporting currency asked for. */
  readonly reporting: { readonly amount: Money; readonly paid: Money; readonly delivered: Money };
  readonly rate: { readonly date: string; readonly source: string };
  readonly dates: {
    readonly pledged: string;
    readonly committed: string | null;
    readonly lastPaid: string | null;
    readonly withdrawn: string | null;
  };
  readonly visibility: Visibility;
}

export type SourceLanguage = 'uk' | 'en' | 'ru';

/** A source an event names as evidence, with the sentence of the claim that links it (null: the event names it). */
export interface Evidence {
  readonly sourceId: string;
  readonly claimId: string | null;
  readonly publisher: string;
  readonly title: string;
  readonly url: string | null;
  readonly language: string;
  readonly publishedOn: string | null;
  readonly sentence: string | null;
}

/** One event of a timeline (GET /api/packages/:id/timeline, /api/organisations/:id/timeline), with its evidence. */
export interface TimelineEvent {
  readonly seq: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly basis: string;
  readonly visibility: string;
  readonly data: unknown;
  readonly evidence: readonly Evidence[];
}

/** Who published a source, when, and in which language: how a claim names its source. */
export interface SourceRef {
  readonly publisher: string;
  readonly title: string;
  readonly url: string | null;
  readonly publishedOn: string | null;
  readonly language: string;
}

/** One fact a source states, with the sentence that states it (GET /api/sources, /api/figures, /api/facts). */
export interface Claim {
  readonly id: string;
  readonly sourceId: string;
  readonly subject: { readonly type: string; readonly id: string } | null;
  readonly donorIds: readonly string[];
  readonly stage: Stage;
  readonly amount: Money | null;
  readonly statedOn: string | null;
  readonly sentence: string;
  readonly linkedEventIds: readonly string[];
  readonly visibility: string;
  readonly source: SourceRef;
}
