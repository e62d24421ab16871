import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';

export interface PersonRow {
  id: string;
  name: string;
  addedAt: string;
  grants: { organisationId: string; role: string }[];
}

/** Everyone who can sign in, with their roles. Never their password or sessions. */
export async function listPeople(db: Db): Promise<PersonRow[]> {
  const people = await db.selectFrom('rm_people').select(['id', 'name', 'added_at']).orderBy('id').execute();
  const grants = await db
    .selectFrom('rm_person_grants')
    .select(['person_id', 'organisation_id', 'role'])
    .orderBy('person_id')
    .orderBy('organisation_id')
    .orderBy('role')
    .execute();
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    addedAt: new Date(person.added_at).toISOString(),
    grants: grants
      .filter((grant) => grant.person_id === person.id)
      .map((grant) => ({ organisationId: grant.organisation_id, role: grant.role })),
  }));
}

export interface TokenRow {
  id: string;
  organisationId: string;
  role: string;
  label: string;
  issuedBy: string;
  issuedAt: string;
  expiresOn: string | null;
  revokedAt: string | null;
}

/** Every API token issued, newest first: what it may do and whether it still works. Never its secret. */
export async function listTokens(db: Db): Promise<TokenRow[]> {
  const rows = await db.selectFrom('rm_tokens').selectAll().orderBy('issued_at', 'desc').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    role: row.role,
    label: row.label,
    issuedBy: row.issued_by,
    issuedAt: new Date(row.issued_at).toISOString(),
    expiresOn: row.expires_on,
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  }));
}

export interface AuditFilter {
  readonly actor?: string | undefined;
  /** A stream id (`contribution-nl-1`) or a stream type (`contribution`). */
  readonly stream?: string | undefined;
  readonly type?: string | undefined;
  /** Recorded at or after / before these instants (ISO). */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly limit?: number | undefined;
  /** The page before this sequence number (for paging back through the log). */
  readonly before?: number | undefined;
}

export interface AuditEntry {
  seq: number;
  recordedAt: string;
  occurredOn: string | null;
  actor: string;
  type: string;
  streamId: string;
  visibility: string;
}

/**
 * Who did what and when, newest first, straight from the ledger: every event with its actor. It lists what happened,
 * not the content, so an auditor can follow a person's or a token's work and then open the records themselves.
 */
export async function auditLog(db: Db, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('events')
    .select([
      'seq',
      'recorded_at',
      'occurred_on',
      'type',
      'stream_id',
      sql<string>`meta ->> 'actor'`.as('actor'),
      sql<string>`meta ->> 'visibility'`.as('visibility'),
    ])
    .orderBy('seq', 'desc')
    .limit(filter.limit ?? 100);
  if (filter.actor) query = query.where(sql<string>`meta ->> 'actor'`, '=', filter.actor);
  if (filter.stream) {
    const stream = filter.stream;
    query = query.where((eb) => eb.or([eb('stream_id', '=', stream), eb('stream_type', '=', stream)]));
  }
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.since) query = query.where('recorded_at', '>=', new Date(filter.since));
  if (filter.until) query = query.where('recorded_at', '<', new Date(filter.until));
  if (filter.before !== undefined) query = query.where('seq', '<', String(filter.before));
  const rows = await query.execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    recordedAt: new Date(row.recorded_at).toISOString(),
    occurredOn: row.occurred_on,
    actor: row.actor,
    type: row.type,
    streamId: row.stream_id,
    visibility: row.visibility,
  }));
}
