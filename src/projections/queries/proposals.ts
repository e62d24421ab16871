import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { trimDecimal } from './common.ts';
import { claimVisible, contributionVisible, eventVisible, organisationVisible, packageVisible } from './visibility.ts';

/**
 * What reviewing a source's proposals reads: which proposals were accepted (as which claim) or rejected, which
 * organisations carry the donor codes extraction gives, and the ledger events a proposed claim could be evidence for.
 * Each reads what the scope may see: the reader's for the review page, everything (FULL_SCOPE) inside a command.
 */

export interface ProposalReviews {
  /** Proposal key → the claim that accepted it. */
  readonly accepted: ReadonlyMap<string, string>;
  /** Proposal key → the reason it was rejected (null when none was given). */
  readonly rejected: ReadonlyMap<string, string | null>;
  /** Claims of the source typed in by hand, without a proposal key: a proposal that states one of them is taken. */
  readonly typedIn: readonly { id: string; sentence: string; stage: string; donorIds: readonly string[] }[];
}

export async function proposalReviews(db: Db, scope: ReadScope, sourceId: string): Promise<ProposalReviews> {
  const [claims, rejected] = await Promise.all([
    db
      .selectFrom('rm_claims as c')
      .select(['c.id', 'c.proposal_key', 'c.sentence', 'c.stage', 'c.donor_ids'])
      .where('c.source_id', '=', sourceId)
      .where(claimVisible(scope, 'c'))
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('rm_proposal_rejections')
      .select(['proposal_key', 'reason'])
      .where('source_id', '=', sourceId)
      .execute(),
  ]);
  return {
    accepted: new Map(claims.flatMap((row) => (row.proposal_key ? [[row.proposal_key, row.id] as const] : []))),
    rejected: new Map(rejected.map((row) => [row.proposal_key, row.reason])),
    typedIn: claims
      .filter((row) => row.proposal_key === null)
      .map((row) => ({ id: row.id, sentence: row.sentence, stage: row.stage, donorIds: row.donor_ids })),
  };
}

/**
 * The organisation each code names: a state by its ISO 3166-1 code, `EU` by the EU body that carries it. When several
 * carry one code, a state comes first, then an EU body, then the lowest id.
 */
export async function organisationsByCode(
  db: Db,
  scope: ReadScope,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.map((code) => code.toUpperCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('rm_organisations as o')
    .select(['o.id', 'o.iso3166'])
    .where('o.iso3166', 'in', wanted)
    .where(organisationVisible(scope, 'o'))
    .orderBy(sql`CASE o.kind WHEN 'state' THEN 0 WHEN 'eu-body' THEN 1 ELSE 2 END`)
    .orderBy('o.id')
    .execute();
  const found = new Map<string, string>();
  for (const row of rows) if (row.iso3166 && !found.has(row.iso3166)) found.set(row.iso3166, row.id);
  return found;
}

/** Coalitions made of all of these organisations (and maybe more); `exact` asks for exactly these members. */
export async function coalitionsOf(
  db: Db,
  scope: ReadScope,
  memberIds: readonly string[],
  exact = false,
): Promise<string[]> {
  if (memberIds.length < 2) return [];
  let query = db
    .selectFrom('rm_organisations as o')
    .select('o.id')
    .where('o.kind', '=', 'coalition')
    .where(sql<boolean>`o.members @> ${[...memberIds]}::text[]`)
    .where(organisationVisible(scope, 'o'))
    .orderBy('o.id');
  if (exact) query = query.where(sql<boolean>`o.members <@ ${[...memberIds]}::text[]`);
  return (await query.execute()).map((row) => row.id);
}

export interface DonorContribution {
  readonly id: string;
  readonly donorId: string;
  readonly packageId: string | null;
  readonly status: string;
  readonly amount: MoneyJson;
}

/** The donors' contributions, latest pledges first (at most `limit`), withdrawn ones left out. */
export async function contributionsOf(
  db: Db,
  scope: ReadScope,
  donorIds: readonly string[],
  limit = 200,
): Promise<DonorContribution[]> {
  if (donorIds.length === 0) return [];
  const rows = await db
    .selectFrom('rm_contributions as c')
    .select(['c.id', 'c.donor_id', 'c.package_id', 'c.status', 'c.amount', 'c.currency'])
    .where('c.donor_id', 'in', [...donorIds])
    .where('c.status', '!=', 'withdrawn')
    .where(contributionVisible(scope, 'c'))
    .orderBy('c.pledged_on', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    donorId: row.donor_id,
    packageId: row.package_id,
    status: row.status,
    amount: { amount: trimDecimal(row.amount), currency: row.currency },
  }));
}

/** A ledger event a claim could be evidence for, with the facts a match is judged on. */
export interface CandidateEvent {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly occurredOn: string;
  /** The amount the event states, and its EUR and USD equivalents (money events only). */
  readonly amount: MoneyJson | null;
  readonly eur: string | null;
  readonly usd: string | null;
  /** Receipts: which receipt, and whether it completed the package. */
  readonly receiptId: string | null;
  readonly full: boolean;
}

/** Events of the given types in the given streams, newest first (at most `limit`). */
export async function eventsIn(
  db: Db,
  scope: ReadScope,
  streamIds: readonly string[],
  types: readonly string[],
  limit = 500,
): Promise<CandidateEvent[]> {
  if (streamIds.length === 0 || types.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .select([
      'event_id',
      'type',
      'stream_id',
      'occurred_on',
      sql<string | null>`data->'amount'->>'amount'`.as('amount'),
      sql<string | null>`data->'amount'->>'currency'`.as('currency'),
      sql<string | null>`data->'equivalents'->'eur'->>'amount'`.as('eur'),
      sql<string | null>`data->'equivalents'->'usd'->>'amount'`.as('usd'),
      sql<string | null>`data->>'receiptId'`.as('receipt_id'),
      sql<boolean>`coalesce((data->>'full')::boolean, false)`.as('full'),
    ])
    .where('stream_id', 'in', [...new Set(streamIds)])
    .where('type', 'in', [...types])
    .where(eventVisible(scope, 'events'))
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    occurredOn: row.occurred_on ?? '',
    amount: row.amount && row.currency ? { amount: row.amount, currency: row.currency } : null,
    eur: row.eur,
    usd: row.usd,
    receiptId: row.receipt_id,
    full: row.full,
  }));
}

/** Packages that any of these organisations contribute to, as far as the scope may see both. */
export async function packagesFundedBy(db: Db, scope: ReadScope, donorIds: readonly string[]): Promise<string[]> {
  if (donorIds.length === 0) return [];
  const rows = await db
    .selectFrom('rm_packages as p')
    .select('p.id')
    .where(sql<boolean>`p.donor_ids && ${[...donorIds]}::text[]`)
    .where(packageVisible(scope, 'p'))
    .where(
      scope.all
        ? sql<boolean>`true`
        : sql<boolean>`EXISTS (SELECT 1 FROM rm_contributions c WHERE c.package_id = p.id
            AND c.donor_id = ANY(${[...donorIds]}::text[]) AND c.status <> 'withdrawn' AND ${contributionVisible(scope, 'c')})`,
    )
    .orderBy('p.id')
    .execute();
  return rows.map((row) => row.id);
}

/** A claim from another source stating the same fact. */
export interface SameFactClaim {
  readonly claimId: string;
  readonly sourceId: string;
  readonly publisher: string;
  readonly language: string;
  readonly title: string;
  readonly publishedOn: string | null;
}

/** Claims of other sources with exactly these donors, this stage and this amount (or no amount). */
export async function sameFactClaims(
  db: Db,
  scope: ReadScope,
  fact: { sourceId: string; donorIds: readonly string[]; stage: string; amount: MoneyJson | null },
): Promise<SameFactClaim[]> {
  if (fact.donorIds.length === 0) return [];
  const donors = [...fact.donorIds];
  let query = db
    .selectFrom('rm_claims as c')
    .innerJoin('rm_sources as s', 's.id', 'c.source_id')
    .select(['c.id', 'c.source_id', 's.publisher', 's.language', 's.title', 's.published_on'])
    .where('c.source_id', '!=', fact.sourceId)
    .where('c.stage', '=', fact.stage)
    .where(sql<boolean>`c.donor_ids @> ${donors}::text[] AND c.donor_ids <@ ${donors}::text[]`)
    .where(claimVisible(scope, 'c'))
    .orderBy('s.published_on')
    .orderBy('c.id');
  query = fact.amount
    ? query.where('c.amount', '=', fact.amount.amount).where('c.currency', '=', fact.amount.currency)
    : query.where('c.amount', 'is', null);
  return (await query.execute()).map((row) => ({
    claimId: row.id,
    sourceId: row.source_id,
    publisher: row.publisher,
    language: row.language,
    title: row.title,
    publishedOn: row.published_on,
  }));
}
