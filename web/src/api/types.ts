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
