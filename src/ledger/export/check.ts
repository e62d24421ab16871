import { checkContent, contentDigestOf } from '../contents.ts';
import { type ChainLink, isRedacted } from '../event.ts';
import { type ChainState, chainStart, checkLink } from '../verify.ts';
import {
  EventsDigest,
  EXPORT_FORMAT,
  type ExportHead,
  type ExportHeader,
  type ExportScope,
  fieldsOf,
  parseContentLine,
  parseEventLine,
  parseFooter,
  parseHeader,
  READ_VERSIONS,
  signedContent,
} from './format.ts';
import { publicKeyFingerprint, signatureValid } from './signing.ts';

/** What is wrong with an export, as a stable code a script can test. */
export type ExportFaultCode =
  /** Not an export, a line that is not JSON or not of the format, no footer. */
  | 'export-malformed'
  /** A format version this Tranche does not read. */
  | 'export-unsupported'
  /** An event that does not fit the chain: changed, dropped, moved or added. */
  | 'export-chain-broken'
  /** An event the scope in the header rules out (a redacted one in an `all` export, a non-public one in full). */
  | 'export-scope-mismatch'
  /** The footer's head is not the last event. */
  | 'export-head-mismatch'
  /** The event lines are not the ones the footer's digest seals. */
  | 'export-digest-mismatch'
  /** The signature does not match, or the header's key and fingerprint do not belong together. */
  | 'export-signature-invalid'
  /** A valid signature, by another key than the one the verifier pinned. */
  | 'export-signer-unexpected';

/** The event at fault: its position, and for an event in full also its id, type and stream. */
export interface EventRef {
  readonly seq: number;
  readonly eventId?: string;
  readonly type?: string;
  readonly streamId?: string;
}

export interface ExportFault {
  readonly code: ExportFaultCode;
  /** The line at fault (1 is the header); null when no single line is (an empty file). */
  readonly line: number | null;
  readonly event: EventRef | null;
  readonly reason: string;
}

export interface ExportSummary {
  readonly scope: ExportScope;
  readonly exportedAt: string;
  readonly events: number;
  readonly redacted: number;
  readonly head: ExportHead;
  readonly fingerprint: string;
}

export type ExportCheck = ({ readonly ok: true } & ExportSummary) | ({ readonly ok: false } & ExportFault);

export interface ReadExportOptions {
  /** Accept only a file signed by the key with this fingerprint (sha256 of its SPKI DER, hex). */
  readonly fingerprint?: string | undefined;
  /** Told the header once it checks out, before any event; it may throw to stop reading (e.g. an import). */
  readonly onHeader?: (header: ExportHeader) => void;
  /** Given the events in chain order, a batch at a time, each once it fits the chain. */
  readonly onEvents?: (events: readonly ChainLink[]) => Promise<void>;
  /** Given each sealed content (deflated) once it matches the digest its event recorded, before that event's batch. */
  readonly onContent?: (digest: string, deflated: Buffer) => Promise<void>;
  readonly batchSize?: number;
}

class Fault extends Error {
  readonly fault: ExportFault;

  constructor(code: ExportFaultCode, line: number | null, reason: string, event: EventRef | null = null) {
    super(reason);
    this.fault = { code, line, event, reason };
  }
}

function json(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Fault('export-malformed', line, 'not a line of JSON');
  }
}

const refOf = (link: ChainLink): EventRef =>
  isRedacted(link)
    ? { seq: link.seq }
    : { seq: link.seq, eventId: link.eventId, type: link.type, streamId: link.streamId };

function readHeader(text: string, pinned: string | undefined): ExportHeader {
  const raw = json(text, 1);
  const claimed = fieldsOf(raw);
  if (claimed.kind !== 'header' || claimed.format !== EXPORT_FORMAT) {
    throw new Fault('export-malformed', 1, 'not the header of a Tranche ledger export');
  }
  if (typeof claimed.formatVersion !== 'number' || !READ_VERSIONS.includes(claimed.formatVersion)) {
    throw new Fault(
      'export-unsupported',
      1,
      `format version ${String(claimed.formatVersion)}: this Tranche reads versions ${READ_VERSIONS.join(' and ')}`,
    );
  }
  const header = parseHeader(raw);
  if ('problem' in header) throw new Fault('export-malformed', 1, `header: ${header.problem}`);
  let fingerprint: string;
  try {
    fingerprint = publicKeyFingerprint(header.signer.publicKey);
  } catch (error) {
    throw new Fault('export-malformed', 1, `signer.publicKey: ${error instanceof Error ? error.message : error}`);
  }
  if (fingerprint !== header.signer.fingerprint) {
    throw new Fault('export-signature-invalid', 1, 'the fingerprint in the header is not that of its public key');
  }
  if (pinned !== undefined && pinned !== fingerprint) {
    throw new Fault('export-signer-unexpected', 1, `signed by ${fingerprint}, not by the expected key ${pinned}`);
  }
  return header;
}

function readEvent(text: string, line: number, scope: ExportScope): ChainLink {
  const raw = json(text, line);
  const claimed = fieldsOf(raw);
  if (claimed.kind === 'footer') {
    throw new Fault('export-malformed', line, 'a footer before the last line: lines were added after it');
  }
  const link = parseEventLine(raw);
  if ('problem' in link) {
    const event = typeof claimed.seq === 'number' ? { seq: claimed.seq } : null;
    throw new Fault('export-malformed', line, `not an event of this format: ${link.problem}`, event);
  }
  if (scope === 'all' && isRedacted(link)) {
    throw new Fault(
      'export-scope-mismatch',
      line,
      'redacted, in an export that says it holds every event',
      refOf(link),
    );
  }
  if (scope === 'public' && !isRedacted(link) && link.meta.visibility !== 'public') {
    throw new Fault(
      'export-scope-mismatch',
      line,
      `recorded ${link.meta.visibility}, yet in full in a public export`,
      refOf(link),
    );
  }
  return link;
}

/** The content line after an event that seals one: present, for that digest, and the text the digest names. */
async function readContentLine(
  text: string,
  line: number,
  expected: string,
  event: ChainLink,
  onContent: ReadExportOptions['onContent'],
): Promise<void> {
  const content = parseContentLine(json(text, line));
  if ('problem' in content) {
    throw new Fault(
      'export-malformed',
      line,
      `not the content the event before seals (${content.problem})`,
      refOf(event),
    );
  }
  if (content.digest !== expected) {
    throw new Fault(
      'export-malformed',
      line,
      `a content for ${content.digest}, where the event before seals ${expected}`,
      refOf(event),
    );
  }
  const deflated = Buffer.from(content.deflated, 'base64');
  const reason = checkContent(expected, deflated);
  if (reason !== null) throw new Fault('export-chain-broken', line, reason, refOf(event));
  await onContent?.(expected, deflated);
}

/** The footer, checked against the chain as read: the head, the digest of the event lines, the signature. */
function readFooter(text: string, line: number, header: ExportHeader, state: ChainState, digest: string): ExportHead {
  const footer = parseFooter(json(text, line));
  if ('problem' in footer) {
    throw new Fault('export-malformed', line, `the last line is not the footer (${footer.problem}): cut short?`);
  }
  const { head } = footer;
  if (head.seq !== state.seq || head.hash !== state.prevHash) {
    const last = `#${state.seq} ${state.prevHash}`;
    throw new Fault(
      'export-head-mismatch',
      line,
      `the footer names head #${head.seq} ${head.hash}, but the last event is ${last}`,
    );
  }
  if (digest !== footer.eventsDigest) {
    const reason = 'the event lines are not the ones the footer seals: a line was changed, added or removed';
    throw new Fault('export-digest-mismatch', line, reason);
  }
  const signed = signedContent(header, head, footer.eventsDigest);
  if (!signatureValid(header.signer.publicKey, signed, footer.signature)) {
    const reason = `the signature does not match the header, head and digest under the key ${header.signer.fingerprint}`;
    throw new Fault('export-signature-invalid', line, reason);
  }
  return head;
}

/**
 * Reads an export line by line and checks all of it, with no database: the header, each event against the chain
 * (an event in full by recomputing its hash, a redacted one by its position and link), the head in the footer, the
 * digest of the event lines and the signature. Stops at the first fault and names its line and event.
 */
export async function readExport(lines: AsyncIterable<string>, options: ReadExportOptions = {}): Promise<ExportCheck> {
  const { onEvents, onContent, batchSize = 2000 } = options;
  // The content the last event in full sealed, which the next line must carry.
  let awaited: { digest: string; event: ChainLink } | undefined;
  const digest = new EventsDigest();
  const state = chainStart();
  let header: ExportHeader | undefined;
  let held: string | undefined;
  let line = 0;
  let redacted = 0;
  let batch: ChainLink[] = [];
  try {
    for await (const text of lines) {
      line += 1;
      if (header === undefined) {
        header = readHeader(text, options.fingerprint);
        options.onHeader?.(header);
        continue;
      }
      // The last line is the footer: an event line is checked only once another line follows it.
      if (held !== undefined && awaited !== undefined) {
        const { digest: expected, event } = awaited;
        await readContentLine(held, line - 1, expected, event, onContent);
        awaited = undefined;
      } else if (held !== undefined) {
        const link = readEvent(held, line - 1, header.scope);
        const reason = checkLink(link, state);
        if (reason !== null) throw new Fault('export-chain-broken', line - 1, reason, refOf(link));
        digest.add(held);
        if (isRedacted(link)) redacted += 1;
        const sealed = isRedacted(link) ? null : contentDigestOf(link.data);
        if (sealed !== null) awaited = { digest: sealed, event: link };
        if (onEvents) batch.push(link);
        if (onEvents && batch.length >= batchSize) {
          await onEvents(batch);
          batch = [];
        }
      }
      held = text;
    }
    if (header === undefined) throw new Fault('export-malformed', null, 'the file is empty');
    if (held === undefined) throw new Fault('export-malformed', line, 'the file ends after its header: no footer');
    if (awaited !== undefined) {
      throw new Fault('export-malformed', line, 'the content its last event seals is missing', refOf(awaited.event));
    }
    if (onEvents && batch.length > 0) await onEvents(batch);
    const head = readFooter(held, line, header, state, digest.hex());
    const { scope, exportedAt, signer } = header;
    return { ok: true, scope, exportedAt, events: state.seq, redacted, head, fingerprint: signer.fingerprint };
  } catch (error) {
    if (error instanceof Fault) return { ok: false, ...error.fault };
    throw error;
  }
}

/** One line for a person: `line 7, event #6 evt-… (ContributionPledged in contribution-x): <reason>`. */
export function describeFault(fault: ExportFault): string {
  const event = fault.event;
  const named = event
    ? event.eventId
      ? `event #${event.seq} ${event.eventId} (${event.type} in ${event.streamId})`
      : `event #${event.seq}${fault.code === 'export-malformed' ? '' : ' (redacted)'}`
    : null;
  const where = [fault.line === null ? null : `line ${fault.line}`, named].filter((part) => part !== null).join(', ');
  return where ? `${where}: ${fault.reason}` : fault.reason;
}
