/**
 * The signed ledger export, as JSON Lines: a header, one line per event in chain order, a footer. Each line is the
 * RFC 8785 canonical JSON of its object, so the same ledger always gives the same bytes.
 *
 *   {"chain":"…","exportedAt":"…","format":"tranche-ledger-export","formatVersion":1,"kind":"header",…,"signer":{…}}
 *   {"data":{…},"eventId":"evt-…","hash":"…","meta":{…},"prevHash":"…",…,"seq":1,…}     an event in full
 *   {"hash":"…","prevHash":"…","redacted":true,"seq":2}                                   an event withheld
 *   {"deflated":"…","digest":"…","kind":"content"}                                       what the event before seals
 *   {"eventsDigest":"…","head":{"hash":"…","seq":2},"kind":"footer","signature":"…"}
 *
 * A content line follows each event in full whose data names a `contentDigest`: the text it seals, raw DEFLATE in
 * base64. It is not among the lines the events digest covers; the event's own hash covers its digest.
 */
import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';
import { BASES, VISIBILITIES } from '../../domain/facts.ts';
import type { ChainLink, StoredEvent } from '../event.ts';
import { canonicalJson } from '../hash.ts';

export const EXPORT_FORMAT = 'tranche-ledger-export';
/** Version 2 added content lines; a version 1 file (which has none) is read as well. */
const FORMAT_VERSION = 2;
export const READ_VERSIONS: readonly number[] = [1, 2];

/** `public`: events recorded public in full, every other one redacted; `all`: every event in full (a backup). */
const EXPORT_SCOPES = ['public', 'all'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** How each event's hash is computed, stated in the file so that a verifier needs nothing else. */
const CHAIN_RULE =
  'hash = hex(sha256(prevHash + "\\n" + RFC 8785 JSON of the event without prevHash and hash)); ' +
  'the first prevHash is 64 zeros';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const position = z.number().int().positive();

const headerSchema = z.strictObject({
  kind: z.literal('header'),
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  scope: z.enum(EXPORT_SCOPES),
  exportedAt: z.iso.datetime(),
  chain: z.string(),
  signer: z.strictObject({ algorithm: z.literal('Ed25519'), publicKey: z.string(), fingerprint: hex64 }),
});
export type ExportHeader = z.infer<typeof headerSchema>;

// Unknown keys in meta are kept (looseObject), so the hash is recomputed over exactly what the line holds.
const metaSchema = z.looseObject({
  actor: z.string(),
  basis: z.enum(BASES),
  evidence: z.array(z.string()),
  visibility: z.enum(VISIBILITIES),
  occurredOn: z.string(),
  idempotencyKey: z.string().optional(),
});

const eventSchema = z.strictObject({
  seq: position,
  eventId: z.string(),
  streamId: z.string(),
  streamType: z.string(),
  version: position,
  type: z.string(),
  data: z.unknown().refine((value) => value !== undefined, 'data is missing'),
  meta: metaSchema,
  recordedAt: z.string(),
  prevHash: hex64,
  hash: hex64,
});

const redactedSchema = z.strictObject({ seq: position, redacted: z.literal(true), prevHash: hex64, hash: hex64 });

const headSchema = z.strictObject({ seq: z.number().int().nonnegative(), hash: hex64 });
export type ExportHead = z.infer<typeof headSchema>;

const footerSchema = z.strictObject({
  kind: z.literal('footer'),
  head: headSchema,
  eventsDigest: hex64,
  signature: z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'expected base64'),
});

const contentSchema = z.strictObject({
  kind: z.literal('content'),
  digest: hex64,
  deflated: z.string().regex(/^[A-Za-z0-9+/]*=*$/, 'expected base64'),
});

/** The line that carries a sealed content, deflated. */
export const contentLine = (digest: string, deflated: Buffer) => ({
  kind: 'content' as const,
  digest,
  deflated: deflated.toString('base64'),
});

export const parseContentLine = (raw: unknown) => parse(contentSchema, raw);

/** The header of an export made at `exportedAt`, naming the key that signs it. */
export function exportHeader(
  scope: ExportScope,
  exportedAt: Date,
  signer: { readonly publicKey: string; readonly fingerprint: string },
): ExportHeader {
  return {
    kind: 'header',
    format: EXPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    scope,
    exportedAt: exportedAt.toISOString(),
    chain: CHAIN_RULE,
    signer: { algorithm: 'Ed25519', publicKey: signer.publicKey, fingerprint: signer.fingerprint },
  };
}

/**
 * The redaction rule: a public export shows an event in full only when it was recorded public (`meta.visibility`,
 * which a command sets to its record's own visibility); any other event keeps only what the chain needs.
 */
export function exportedLink(event: StoredEvent, scope: ExportScope): ChainLink {
  if (scope === 'all' || event.meta.visibility === 'public') return event;
  return { seq: event.seq, redacted: true, prevHash: event.prevHash, hash: event.hash };
}

/** A line of the file, without its newline. */
export const toLine = (value: unknown): string => canonicalJson(value);

/** sha256 over the event lines as written, each followed by "\n": seals their exact bytes, redacted ones included. */
export class EventsDigest {
  readonly #hash: Hash = createHash('sha256');

  add(line: string): void {
    this.#hash.update(line).update('\n');
  }

  hex(): string {
    return this.#hash.digest('hex');
  }
}

/** What the signature covers: the header, the head of the chain and the digest of the event lines. */
export const signedContent = (header: ExportHeader, head: ExportHead, eventsDigest: string): string =>
  canonicalJson({ header, head, eventsDigest });

/** A parsed line's own fields, to tell what it claims to be before checking it in full ({} for a non-object). */
export const fieldsOf = (raw: unknown): Record<string, unknown> =>
  z.record(z.string(), z.unknown()).catch({}).parse(raw);

/** The value, or the first thing wrong with it in words ("signer.fingerprint: expected 64 lower-case hex digits"). */
function parse<T>(schema: z.ZodType<T>, raw: unknown): T | { readonly problem: string } {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { problem: `${where}${issue?.message ?? 'not of this format'}` };
}

export const parseHeader = (raw: unknown) => parse(headerSchema, raw);
export const parseFooter = (raw: unknown) => parse(footerSchema, raw);

/** An event line: in full, or redacted (it says so with `"redacted": true`). */
export const parseEventLine = (raw: unknown): ChainLink | { readonly problem: string } =>
  typeof raw === 'object' && raw !== null && 'redacted' in raw ? parse(redactedSchema, raw) : parse(eventSchema, raw);
