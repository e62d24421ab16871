/**
 * The donors list: every organisation with money of its own in GET /api/totals?by=donor, and every member of a
 * coalition that has some (a state that gives only jointly is still a donor), each with its totals by stage.
 */
import {
  type Money,
  type Organisation,
  type OrganisationKind,
  STAGES,
  type Stage,
  type TotalRow,
} from '../../../api/types.ts';

export interface DonorRow {
  readonly id: string;
  readonly kind: OrganisationKind;
  /** Its own totals; a stage with nothing is absent. */
  readonly totals: Readonly<Partial<Record<Stage, Money>>>;
  /** The coalitions with money that it belongs to. */
  readonly coalitions: readonly string[];
  /** A coalition's members. */
  readonly members: readonly string[];
}

export function donorRows(totals: readonly TotalRow[], organisations: readonly Organisation[]): DonorRow[] {
  const own = new Map<string, Partial<Record<Stage, Money>>>();
  for (const row of totals) {
    if (!row.donorId || !STAGES.includes(row.stage)) continue;
    own.set(row.donorId, { ...own.get(row.donorId), [row.stage]: row.amount });
  }
  const givingCoalitions = organisations.filter((org) => org.kind === 'coalition' && own.has(org.id));
  const coalitionsOf = (id: string) => givingCoalitions.filter((org) => org.members.includes(id)).map((org) => org.id);
  const rows: DonorRow[] = organisations
    .filter((org) => own.has(org.id) || coalitionsOf(org.id).length > 0)
    .map((org) => ({
      id: org.id,
      kind: org.kind,
      totals: own.get(org.id) ?? {},
      coalitions: coalitionsOf(org.id),
      members: org.members,
    }));
  // A donor the organisations list does not show (not public) still has its totals counted.
  for (const [id, totals] of own) {
    if (!organisations.some((org) => org.id === id))
      rows.push({ id, kind: 'other', totals, coalitions: [], members: [] });
  }
  return rows;
}

/** An amount for sorting and drawing (the exact decimal stays in the Money for what is written). */
export const amountOf = (money: Money | undefined): number => (money ? Number(money.amount) : 0);
