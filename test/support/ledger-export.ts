/**
 * Signed ledger exports in memory, for the suites that check the format without a database: a small hash-chained
 * ledger whose records are public, partners-only or restricted; its export as text; and line surgery to tamper with it.
 */
import type { Visibility } from '../../src/domain/facts.ts';
import { GENESIS_HASH, type StoredEvent } from '../../src/ledger/event.ts';
import { type ExportCheck, type ReadExportOptions, readExport } from '../../src/ledger/export/check.ts';
import type { ExportScope } from '../../src/ledger/export/format.ts';
import { generateSigningKey, type Signer, signerFromPem } from '../../src/ledger/export/signing.ts';
import { ExportWriter } from '../../src/ledger/export/write.ts';
import { chainHash } from '../../src/ledger/hash.ts';

export const newSigner = (): Signer => signerFromPem(generateSigningKey());

interface Fact {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly visibility: Visibility;
}

/** The facts of the small ledger: a public package, a partners-only pledge to it, a restricted donor and its pledge. */
const FACTS: readonly Fact[] = [
  { streamId: 'organisation-nl', type: 'OrganisationRegistered', data: { id: 'nl' }, visibility: 'public' },
  { streamId: 'package-p1', type: 'PackageProposed', data: { id: 'p1', title: 'Patriot' }, visibility: 'public' },
  {
    streamId: 'contribution-nl-p1',
    type: 'ContributionPledged',
    data: { id: 'nl-p1', donorId: 'nl', amount: { amount: '731500000', currency: 'EUR' } },
    visibility: 'partners',
  },
  {
    streamId: 'organisation-ruritania',
    type: 'OrganisationRegistered',
    data: { id: 'ruritania', names: { en: 'Ruritania' } },
    visibility: 'restricted',
  },
  { streamId: 'package-p1', type: 'PackageValidated', data: { coordinatorId: 'nsatu' }, visibility: 'public' },
  {
    streamId: 'contribution-ruritania-p1',
    type: 'ContributionPledged',
    data: { id: 'ruritania-p1', donorId: 'ruritania', amount: { amount: '88800000', currency: 'USD' } },
    visibility: 'restricted',
  },
  { streamId: 'package-p1', type: 'PackageFunded', data: {}, visibility: 'public' },
];

/** The facts appended one by one as the ledger would: positions, stream versions and chained hashes. */
export function chainOf(facts: readonly Fact[] = FACTS): StoredEvent[] {
  const versions = new Map<string, number>();
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  facts.forEach((fact, index) => {
    const version = (versions.get(fact.streamId) ?? 0) + 1;
    versions.set(fact.streamId, version);
    const body = {
      seq: index + 1,
      eventId: `evt-${String(index + 1).padStart(4, '0')}`,
      streamId: fact.streamId,
      streamType: fact.streamId.split('-')[0] ?? '',
      version,
      type: fact.type,
      data: fact.data,
      meta: { actor: 'test', basis: 'official', evidence: [], visibility: fact.visibility, occurredOn: '2025-08-04' },
      recordedAt: `2025-08-04T10:00:0${index}.000Z`,
    } as const;
    const hash = chainHash(prevHash, body);
    events.push({ ...body, prevHash, hash });
    prevHash = hash;
  });
  return events;
}

/** The export of `events` as the file's text. */
export function exportText(events: readonly StoredEvent[], scope: ExportScope, signer: Signer): string {
  const writer = new ExportWriter(scope, signer, new Date('2025-12-20T10:00:00Z'));
  return writer.headerLine() + writer.eventLines(events) + writer.footerLine();
}

/** The lines of a text, as a file reader gives them (no newlines, no empty last line). */
export function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

async function* iterate(lines: readonly string[]): AsyncGenerator<string> {
  yield* lines;
}

export const check = (text: string, options: ReadExportOptions = {}): Promise<ExportCheck> =>
  readExport(iterate(linesOf(text)), options);

/** The text with its 1-based line `line` passed through `change`. */
export function editLine(text: string, line: number, change: (line: string) => string): string {
  return `${linesOf(text)
    .map((current, index) => (index === line - 1 ? change(current) : current))
    .join('\n')}\n`;
}

/** The text with its lines rearranged: `order` lists the 1-based line numbers to keep, in their new order. */
export function rearrange(text: string, order: readonly number[]): string {
  const lines = linesOf(text);
  return `${order.map((line) => lines[line - 1] ?? '').join('\n')}\n`;
}

/** A line's JSON object, changed by `change` and written back (not canonical: the digest covers the bytes). */
export function editJson(line: string, change: (value: Record<string, unknown>) => void): string {
  const value = JSON.parse(line) as Record<string, unknown>;
  change(value);
  return JSON.stringify(value);
}
