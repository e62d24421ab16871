/**
 * The JSON of the package reads: GET /api/packages (the pipeline), GET /api/packages/:id (one package),
 * GET /api/packages/:id/timeline (its history with evidence), GET /api/figures (reported values and the adopted one),
 * GET /api/sources/:id and GET /api/requirements. Only the fields the pages use are named.
 */
import type { Claim, Contribution, Localised, Money, PackageStatus, SourceRef, Visibility } from './types.ts';

export interface PackageDates {
  readonly proposed: string;
  readonly validated: string | null;
  readonly funded: string | null;
  readonly contracted: string | null;
  readonly firstShipped: string | null;
  readonly firstReceived: string | null;
  readonly delivered: string | null;
  readonly closed: string | null;
  readonly cancelled: string | null;
}

/** One row of GET /api/packages. Amounts other than `target` are in the reporting currency asked for. */
export interface PipelineRow {
  readonly id: string;
  readonly title: Localised;
  readonly status: PackageStatus;
  readonly recipientId: string;
  readonly coordinatorId: string;
  readonly supplierId: string | null;
  readonly category: string;
  readonly donorIds: readonly string[];
  /** As proposed, in its own currency. */
  readonly target: Money;
  /** In the reporting currency, at the proposal date. */
  readonly targetReporting: Money;
  readonly pledged: Money;
  readonly committed: Money;
  readonly paid: Money;
  readonly fundedShare: number;
  readonly paidShare: number;
  readonly deliveredShare: number;
  readonly dates: PackageDates;
  readonly visibility: Visibility;
}

export interface LineQuantity {
  readonly lineId: string;
  readonly quantity: number;
}

export interface PackageLine {
  readonly lineId: string;
  readonly requirementId: string | null;
  readonly description: string;
  readonly category: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly value: Money | null;
  readonly shipped: number;
  readonly received: number;
}

export interface Shipment {
  readonly shipmentId: string;
  readonly dispatchedOn: string;
  readonly lines: readonly LineQuantity[];
}

export interface Receipt {
  readonly receiptId: string;
  readonly shipmentId: string;
  readonly receivedOn: string;
  readonly lines: readonly LineQuantity[];
  readonly full: boolean;
}

export interface AdoptedFigure {
  /** The claim adopted; null when a range was adopted without one. */
  readonly claimId: string | null;
  readonly low: Money;
  readonly high: Money;
  readonly note: string | null;
  readonly adoptedOn: string;
}

/** One row of GET /api/figures: every value reported for a stage, side by side, and the adopted one. */
export interface Figure {
  readonly subject: { readonly type: string; readonly id: string };
  readonly stage: string;
  readonly claims: readonly Claim[];
  readonly adopted: AdoptedFigure | null;
}

export interface PackageDetail extends PipelineRow {
  readonly lines: readonly PackageLine[];
  readonly shipments: readonly Shipment[];
  readonly receipts: readonly Receipt[];
  readonly contributions: readonly Contribution[];
  readonly figures: readonly Figure[];
}

/** GET /api/sources/:id */
export interface SourceDetail extends SourceRef {
  readonly id: string;
  readonly claims: readonly Claim[];
  readonly text: string;
}

/** GET /api/requirements (the fields the package page links with). */
export interface RequirementRef {
  readonly id: string;
  readonly title: Localised;
  readonly priorityRank: number | null;
}
