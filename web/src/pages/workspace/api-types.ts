/**
 * The reads the workspace's forms offer choices from (GET /api/…; the OpenAPI document at /api/docs is the full
 * contract). Only the fields the forms use are named.
 */
import type { Localised, Money } from '../../api/types.ts';

export interface RequirementRow {
  readonly id: string;
  readonly recipientId: string;
  readonly title: Localised;
  readonly category: string;
  readonly priorityRank: number;
  readonly status: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly estimatedValue: Money | null;
}

export interface PriorityListRow {
  readonly recipientId: string;
  readonly period: string;
  readonly status: string;
  readonly requirementIds: readonly string[];
  readonly approvals: readonly string[];
}

export type SubjectType = 'package' | 'contribution';
export type ClaimStage = 'pledged' | 'committed' | 'paid' | 'delivered';
export const CLAIM_STAGES: readonly ClaimStage[] = ['pledged', 'committed', 'paid', 'delivered'];

export interface ClaimRow {
  readonly id: string;
  readonly sourceId: string;
  readonly subject: { readonly type: string; readonly id: string } | null;
  readonly donorIds: readonly string[];
  readonly stage: string;
  readonly amount: Money | null;
  readonly sentence: string;
  readonly linkedEventIds: readonly string[];
  readonly source: { readonly publisher: string; readonly title: string };
}

export interface SourceRow {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly language: string;
  readonly publishedOn: string | null;
  readonly claims: readonly ClaimRow[];
}

export interface FigureRow {
  readonly subject: { readonly type: string; readonly id: string };
  readonly stage: string;
  readonly claims: readonly ClaimRow[];
  readonly adopted: { readonly claimId: string | null; readonly low: Money; readonly high: Money } | null;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly eventId: string;
  readonly type: string;
  readonly occurredOn: string;
}
