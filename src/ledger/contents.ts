/**
 * Texts the ledger's events seal by their SHA-256: an event whose data has a `contentDigest` refers to a text kept in
 * `ledger_contents`, deflated. The chain covers the digest, so changing the text is caught like changing the event:
 * `verify` inflates every content an event names and checks its digest, and the signed export carries it.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

const deflate = promisify(deflateRaw);
const MIN_CHUNK = 16 * 1024;
const inflate = promisify(inflateRaw);

/** A text ready to store: its digest and its deflated bytes. */
export interface SealedContent {
  readonly digest: string;
  readonly bytes: number;
  readonly deflated: Buffer;
}

const contentDigest = (text: Buffer | string): string => createHash('sha256').update(text).digest('hex');

/**
 * Seals a text (its UTF-8 bytes): SHA-256 and raw DEFLATE. Compression runs on libuv's thread pool, so the caller goes
 * on reading while it runs. Level 1: the text is repetitive enough that more effort buys little.
 */
export async function sealContent(utf8: Buffer): Promise<SealedContent> {
  // One output buffer big enough for the whole result: with the default 16 KB the pool thread hands back every 16 KB
  // and waits for this (busy) thread to ask for the next, which made sealing ten times slower than compressing.
  const deflated = await deflate(utf8, { level: 1, chunkSize: Math.max(MIN_CHUNK, utf8.length) });
  return { digest: contentDigest(utf8), bytes: utf8.length, deflated };
}

/**
 * A text written a piece at a time straight into UTF-8, outside the JavaScript heap: a batch of a million-row import
 * is megabytes of short lines, and keeping them as strings until they are joined made the collector copy them again
 * and again.
 */
export class ContentBuilder {
  #buffer: Buffer;
  #length = 0;

  constructor(capacity = 64 * 1024) {
    this.#buffer = Buffer.allocUnsafe(capacity);
  }

  append(text: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const most = this.#length + text.length * 3;
    if (most > this.#buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(most, this.#buffer.length * 2));
      this.#buffer.copy(grown, 0, 0, this.#length);
      this.#buffer = grown;
    }
    this.#length += this.#buffer.write(text, this.#length, 'utf8');
  }

  /** The bytes written. */
  written(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }
}

/** Stores sealed texts; one already there (the same digest) is the same text and is kept as it is. */
export async function storeContents(db: Kysely<Schema>, contents: readonly SealedContent[]): Promise<void> {
  if (contents.length === 0) return;
  await db
    .insertInto('ledger_contents')
    .values(contents.map((content) => ({ ...content })))
    .onConflict((conflict) => conflict.column('digest').doNothing())
    .execute();
}

/** The text under a digest; an error when the ledger lacks it or it does not match its digest. */
export async function readContent(db: Kysely<Schema>, digest: string): Promise<string> {
  const row = await db.selectFrom('ledger_contents').select('deflated').where('digest', '=', digest).executeTakeFirst();
  if (!row) throw new Error(`the ledger lacks the content ${digest}`);
  return (await openContentBytes(digest, row.deflated)).toString('utf8');
}

/**
 * A stored content's text as its UTF-8 bytes (inflated on the thread pool); an error when it does not match its
 * digest.
 */
export async function openContentBytes(digest: string, deflated: Buffer): Promise<Buffer> {
  const bytes = await inflate(deflated);
  if (contentDigest(bytes) !== digest) throw new Error(`the content ${digest} does not match its digest`);
  return bytes;
}

/** What is wrong with a deflated text given for a digest, or null when it is that text. */
export function checkContent(digest: string, deflated: Buffer): string | null {
  let text: Buffer;
  try {
    text = inflateRawSync(deflated);
  } catch {
    return 'its content cannot be inflated';
  }
  return contentDigest(text) === digest ? null : 'its content does not match the digest it recorded: it was changed';
}

/** The digest an event's data names, if it names one. */
export function contentDigestOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('contentDigest' in data)) return null;
  return typeof data.contentDigest === 'string' ? data.contentDigest : null;
}
