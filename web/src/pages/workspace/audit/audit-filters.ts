/**
 * The audit view's filters as the address keeps them (`/workspace/audit?actor=person:olena&type=RoleGranted`), read
 * into the API's query, and which portal page shows the record an event was recorded on. Pure, so it is unit-tested
 * on its own (test/unit/web/audit-filters.test.ts).
 */

/** The filters, by their names in the address and in `GET /api/audit`'s query. */
export const AUDIT_FILTERS = ['actor', 'stream', 'type', 'since'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];

/** How many events a page shows; a full page offers the older ones. */
export const AUDIT_PAGE_SIZE = 100;

export interface AuditQuery {
  readonly actor?: string;
  readonly stream?: string;
  readonly type?: string;
  /** A day (YYYY-MM-DD): events recorded on it or after. */
  readonly since?: string;
  /** The page of events before this sequence number; none: the newest. */
  readonly before?: number;
}

/** The query the address asks for: empty filters left out, `before` only when it is a positive whole number. */
export function auditQueryOf(params: URLSearchParams): AuditQuery {
  const query: { -readonly [Key in keyof AuditQuery]: AuditQuery[Key] } = {};
  for (const name of AUDIT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const before = Number(params.get('before'));
  if (Number.isSafeInteger(before) && before > 0) query.before = before;
  return query;
}

/** The address's query string for `query` (no leading `?`), in the filters' order. */
export function auditSearch(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTERS) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  if (query.before !== undefined) params.set('before', String(query.before));
  return params.toString();
}

/** The next older page: the events before the last one shown (null when the page was not full, so none are left). */
export function olderPage(query: AuditQuery, seqs: readonly number[]): AuditQuery | null {
  const last = seqs.at(-1);
  if (seqs.length < AUDIT_PAGE_SIZE || last === undefined || last <= 1) return null;
  return { ...query, before: last };
}

/** The records the portal has a page for, by the ledger's stream type. */
export type RecordKind = 'package' | 'contribution' | 'organisation';
const RECORD_KINDS: readonly RecordKind[] = ['package', 'contribution', 'organisation'];

/** `package-purl-nl-2` → `{ kind: 'package', id: 'purl-nl-2' }`; null for records the portal has no page for. */
export function recordOf(streamId: string): { kind: RecordKind; id: string } | null {
  for (const kind of RECORD_KINDS) {
    if (streamId.startsWith(`${kind}-`) && streamId.length > kind.length + 1) {
      return { kind, id: streamId.slice(kind.length + 1) };
    }
  }
  return null;
}

/** A contribution's place on the portal: its package's page, or its donor's for general support. */
export interface ContributionPlace {
  readonly donorId: string;
  readonly packageId: string | null;
}

/**
 * The portal page (under the locale) of the record an event was recorded on: a package's page, an organisation's
 * (the donor page), a contribution's package or donor; null when the portal has none or the contribution is unknown.
 */
export function recordPath(
  streamId: string,
  contribution: (id: string) => ContributionPlace | undefined,
): string | null {
  const record = recordOf(streamId);
  if (!record) return null;
  if (record.kind === 'package') return `/packages/${encodeURIComponent(record.id)}`;
  if (record.kind === 'organisation') return `/donors/${encodeURIComponent(record.id)}`;
  const place = contribution(record.id);
  if (!place) return null;
  return place.packageId
    ? `/packages/${encodeURIComponent(place.packageId)}`
    : `/donors/${encodeURIComponent(place.donorId)}`;
}
