/** What the priorities page reads: GET /api/requirements (with coverage) and GET /api/priority-lists. */
import type { Localised, Money, PackageStatus } from './types.ts';

/** A requirement in priority order, with the quantities that packages cover, fund and deliver. */
export interface RequirementCoverage {
  readonly id: string;
  readonly recipientId: string;
  readonly title: Localised;
  readonly category: string;
  /** 1 = most urgent. */
  readonly priorityRank: number;
  readonly status: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly estimatedValue: Money | null;
  /** Quantities in package lines: in packages not cancelled; in packages funded or further; received. */
  readonly covered: number;
  readonly funded: number;
  readonly delivered: number;
  readonly packageIds: readonly string[];
  readonly visibility: string;
}

export type PriorityListStatus = 'draft' | 'approved';

/** A recipient's ranked requirements for one month, and who approved them. */
export interface PriorityList {
  readonly recipientId: string;
  /** YYYY-MM */
  readonly period: string;
  readonly status: PriorityListStatus;
  /** In rank order. */
  readonly requirementIds: readonly string[];
  readonly approvals: readonly string[];
  readonly visibility: string;
}

/** The fields of GET /api/packages the priorities page names packages by. */
export interface PackageName {
  readonly id: string;
  readonly title: Localised;
  readonly status: PackageStatus;
}
