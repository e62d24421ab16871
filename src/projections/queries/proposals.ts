import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { trimDecimal } from './common.ts';

/**
 * What reviewing a source's proposals reads: which proposals were accepted (as which claim) or rejected, which
 * organisations carry the donor codes extraction gives, and the ledger events a proposed claim could be evidence for.
 */

export interface ProposalReviews {
  /** Proposal key → the claim that accepted it. */
  readonly accepted: ReadonlyMap<string, string>;
  /** Proposal key → the reason it was rejected (null when none was given). */
  readonly rejected: ReadonlyMap<string, string | null>;
  /** Claims of the source typed in by hand, without a proposal key: a proposal that states one of them is taken. */
  readonly typedIn: readonly { id: string; sentence: string; stage: string; donorIds: readonly string[] }[];
}

export async function proposalReviews(db: Db, sourceId: string): Promise<ProposalReviews> {
  const [claims, rejected] = await Promise.all([
    db
      .selectFrom('rm_claims')
      .select(['id', 'proposal_key', 'sentence', 'stage', 'donor_ids'])
      .where('source_id', '=', sourceId)
      .orderBy('id')
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
export async function organisationsByCode(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.map((code) => code.toUpperCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('rm_organisations')
    .select(['id', 'iso3166'])
    .where('iso3166', 'in', wanted)
    .orderBy(sql`CASE kind WHEN 'state' THEN 0 WHEN 'eu-body' THEN 1 ELSE 2 END`)
    .orderBy('id')
    .execute();
  const found = new Map<string, string>();
  for (const row of rows) if (row.iso3166 && !found.has(row.iso3166)) found.set(row.iso3166, row.id);
  return found;
}

/** Coalitions made of all of these organisations (and maybe more); `exact` asks for exactly these members. */
export async function coalitionsOf(db: Db, memberIds: readonly string[], exact = false): Promise<string[]> {
  if (memberIds.length < 2) return [];
  let query = db
    .selectFrom('rm_organisations')
    .select('id')
    .where('kind', '=', 'coalition')
    .where(sql<boolean>`members @> ${[...memberIds]}::text[]`)
    .orderBy('id');
  if (exact) query = query.where(sql<boolean>`members <@ ${[...memberIds]}::text[]`);
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
export async function contributionsOf(db: Db, donorIds: readonly string[], limit = 200): Promise<DonorContribution[]> {
  if (donorIds.length === 0) return [];
  const rows = await db
    .selectFrom('rm_contributions')
    .select(['id', 'donor_id', 'package_id', 'status', 'amount', 'currency'])
    .where('donor_id', 'in', [...donorIds])
    .where('status', '!=', 'withdrawn')
    .orderBy('pledged_on', 'desc')
    .orderBy('id')
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

/** Packages that any of these organisations contribute to. */
export async function packagesFundedBy(db: Db, donorIds: readonly string[]): Promise<string[]> {
  if (donorIds.length === 0) return [];
  const rows = await db
    .selectFrom('rm_packages')
    .select('id')
    .where(sql<boolean>`donor_ids && ${[...donorIds]}::text[]`)
    .orderBy('id')
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
