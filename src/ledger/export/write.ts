import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { ruleBroken } from '../../domain/errors.ts';
import { isRedacted, type StoredEvent } from '../event.ts';
import { readAll } from '../read.ts';
import { chainStart, checkLink } from '../verify.ts';
import {
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

  eventLines(events: readonly StoredEvent[]): string {
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
      for await (const page of readAll(tx)) await options.write(writer.eventLines(page));
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
