import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { ruleBroken } from '../../domain/errors.ts';
import { contentDigestOf } from '../contents.ts';
import { isRedacted, type StoredEvent } from '../event.ts';
import { readAll } from '../read.ts';
import { chainStart, checkLink } from '../verify.ts';
import {
  contentLine,
  EventsDigest,
  type ExportHead,
  type ExportHeader,
  type ExportScope,
  exportedLink,
  exportHeader,
  signedContent,
  toLine,
} from './format.ts';
import { type Signer, signText } from './signing.ts';

export interface ExportWritten {
  readonly events: number;
  readonly redacted: number;
  readonly head: ExportHead;
  readonly fingerprint: string;
}

const notSigned = 'an export is not signed over a broken chain (run tranche verify)';

/**
 * Turns events, given in chain order, into the lines of a signed export (see format.ts), each line ending in "\n".
 * Each event is checked against the chain as it goes out: a ledger that does not verify is not signed.
 */
export class ExportWriter {
  readonly #header: ExportHeader;
  readonly #signer: Signer;
  readonly #digest = new EventsDigest();
  readonly #state = chainStart();
  #redacted = 0;

  constructor(scope: ExportScope, signer: Signer, exportedAt: Date) {
    this.#header = exportHeader(scope, exportedAt, signer);
    this.#signer = signer;
  }

  headerLine(): string {
    return `${toLine(this.#header)}\n`;
  }

  /**
   * The lines of `events`; an event in full that seals a content (`contentDigest`) is followed by a content line
   * carrying it deflated, from `contents` (by digest).
   */
  eventLines(events: readonly StoredEvent[], contents: ReadonlyMap<string, Buffer> = new Map()): string {
    let text = '';
    for (const event of events) {
      const reason = checkLink(event, this.#state);
      if (reason !== null) {
        throw ruleBroken(
          'ledger-does-not-verify',
          `event #${event.seq} ${event.eventId} does not match: ${reason}; ${notSigned}`,
        );
      }
      const link = exportedLink(event, this.#header.scope);
      if (isRedacted(link)) this.#redacted += 1;
      const line = toLine(link);
      this.#digest.add(line);
      text += `${line}\n`;
      const digest = isRedacted(link) ? null : contentDigestOf(link.data);
      if (digest !== null) {
        const deflated = contents.get(digest);
        if (!deflated)
          throw ruleBroken(
            'ledger-does-not-verify',
            `event #${event.seq} seals a content the ledger lacks; ${notSigned}`,
          );
        text += `${toLine(contentLine(digest, deflated))}\n`;
      }
    }
    return text;
  }

  /** The footer: the head of the chain, the digest of the event lines and the signature. Call once, last. */
  footerLine(): string {
    const eventsDigest = this.#digest.hex();
    const head = this.head;
    const signature = signText(this.#signer, signedContent(this.#header, head, eventsDigest));
    return `${toLine({ kind: 'footer', head, eventsDigest, signature })}\n`;
  }

  get head(): ExportHead {
    return { seq: this.#state.seq, hash: this.#state.prevHash };
  }

  get written(): ExportWritten {
    return {
      events: this.#state.seq,
      redacted: this.#redacted,
      head: this.head,
      fingerprint: this.#signer.fingerprint,
    };
  }
}

/** The deflated contents the events seal, by digest. */
async function sealedContents(tx: Kysely<Schema>, events: readonly StoredEvent[]): Promise<Map<string, Buffer>> {
  const digests = events.flatMap((event) => contentDigestOf(event.data) ?? []);
  if (digests.length === 0) return new Map();
  const rows = await tx
    .selectFrom('ledger_contents')
    .select(['digest', 'deflated'])
    .where('digest', 'in', digests)
    .execute();
  return new Map(rows.map((row) => [row.digest, row.deflated]));
}

export interface ExportOptions {
  readonly scope: ExportScope;
  readonly signer: Signer;
  readonly exportedAt: Date;
  /** Writes text to the file; awaited, so a slow disk holds the reading back instead of filling memory. */
  readonly write: (text: string) => Promise<void>;
}

/**
 * Writes the ledger as a signed export, a page at a time, from one repeatable-read snapshot so that appends made
 * meanwhile are not half in it; the recorded head must be the last event, as `tranche verify` requires.
 */
export async function writeExport(db: Kysely<Schema>, options: ExportOptions): Promise<ExportWritten> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const writer = new ExportWriter(options.scope, options.signer, options.exportedAt);
      await options.write(writer.headerLine());
      for await (const page of readAll(tx)) {
        const shown = options.scope === 'all' ? page : page.filter((event) => event.meta.visibility === 'public');
        await options.write(writer.eventLines(page, await sealedContents(tx, shown)));
      }
      const recorded = await tx.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
      if (Number(recorded.seq) !== writer.head.seq || recorded.hash !== writer.head.hash) {
        throw ruleBroken(
          'ledger-does-not-verify',
          `the recorded head (position ${recorded.seq}) does not match the last event (position ${writer.head.seq}); ${notSigned}`,
        );
      }
      await options.write(writer.footerLine());
      return writer.written;
    });
}
