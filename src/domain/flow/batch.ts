/**
 * A batch of imported flows as the ledger keeps it. The flows themselves are one text, a line per flow with the
 * fields of `BATCH_COLUMNS` separated by tabs, stored beside the ledger and sealed by its SHA-256 in the batch's
 * `FlowsImported` event; the event also carries the batch's totals, which are all the read models need. Pure: no
 * database, no compression (the ledger's content store deflates the text).
 */
import type { DomainEvent } from '../decider.ts';
import type { FlowCategory, FlowRecord, FlowStage, ImportSummary } from './flow.ts';

/** The flows one source row gives, under the row's key: a second row with the same key adds nothing. */
export interface KeyedFlows {
  /** The source row's identity across files: `kiel-r29:de:2025-03` (a donor's month), `fts:228238` (a flow). */
  readonly key: string;
  readonly row: number;
  readonly flows: readonly FlowRecord[];
}

/**
 * A batch's flows summed by donor, month, stage and category, what `rm_flow_totals` adds: the number of flows and
 * the exact decimal sums of their EUR and USD equivalents (a flow without one adds nothing to it). A tuple rather
 * than an object: an event carries hundreds of them, and hashing them is then a tenth of the work.
 */
export type FlowTotal = readonly [
  donorId: string,
  month: string,
  stage: FlowStage,
  category: FlowCategory,
  flows: number,
  eur: string,
  usd: string,
];

export const BATCH_COLUMNS = [
  'key',
  'id',
  'donorId',
  'recipientId',
  'stage',
  'category',
  'period',
  'amount',
  'currency',
  'eur',
  'usd',
  'rateSource',
  'description',
  'originFile',
  'originRow',
  'originRelease',
  'statedRate',
] as const;

const NULL = '\\N';
const plain = (value: string | null): string => value ?? NULL;
/** Free text as a JSON string, so a tab or a line break inside it cannot break the line. */
const text = (value: string | null): string => (value === null ? NULL : JSON.stringify(value));
const unplain = (value: string): string | null => (value === NULL ? null : value);
const untext = (value: string): string | null => (value === NULL ? null : (JSON.parse(value) as string));

/**
 * A flow's line in its batch's text. Ids, codes, dates and amounts are written as they are (`checkFlow` admits no
 * tab or line break in them); free text as a JSON string; a missing value as `\N`.
 */
export function flowLine(key: string, flow: FlowRecord): string {
  return `${key}\t${flow.id}\t${flow.donorId}\t${plain(flow.recipientId)}\t${flow.stage}\t${flow.category}\t${flow.period}\t${flow.amount}\t${flow.currency}\t${plain(flow.eur)}\t${plain(flow.usd)}\t${text(flow.rateSource)}\t${text(flow.description)}\t${text(flow.origin.file)}\t${flow.origin.row}\t${text(flow.origin.release)}\t${plain(flow.statedRate)}`;
}

/** A flow read back from a batch's text, with the key of its row. */
export interface BatchFlow extends FlowRecord {
  readonly key: string;
}

/** The flows of a batch's text (a `flowLine` per flow, separated by line breaks), in order. */
export function* decodeBatch(content: string): Generator<BatchFlow> {
  if (content === '') return;
  for (const line of content.split('\n')) yield decodeLine(line);
}

/** The flow of one line of a batch's text (`flowLine`'s inverse). */
export function decodeLine(line: string): BatchFlow {
  const f = line.split('\t');
  if (f.length !== BATCH_COLUMNS.length)
    throw new Error(`a batch line has ${f.length} fields, not ${BATCH_COLUMNS.length}`);
  const [key, id, donorId, recipientId, stage, category, period, amount, currency, eur, usd] = f as [
    string,
    string,
    string,
    string,
    FlowStage,
    FlowCategory,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    key,
    id,
    donorId,
    recipientId: unplain(recipientId),
    stage,
    category,
    period,
    amount,
    currency,
    eur: unplain(eur),
    usd: unplain(usd),
    rateSource: untext(f[11] ?? NULL) ?? '',
    description: untext(f[12] ?? NULL),
    origin: { file: untext(f[13] ?? NULL) ?? '', row: Number(f[14]), release: untext(f[15] ?? NULL) },
    statedRate: unplain(f[16] ?? NULL),
  };
}

/** What a flow adds to the sums. */
export type TotalledFlow = Pick<FlowRecord, 'donorId' | 'period' | 'stage' | 'category' | 'eur' | 'usd'>;

/** What the flow of a batch's line adds to the sums, read without decoding its free text (fields as `decodeLine`'s). */
export function totalledFlow(line: string): TotalledFlow {
  const f = line.split('\t');
  return {
    donorId: f[2] ?? '',
    stage: f[4] as FlowStage,
    category: f[5] as FlowCategory,
    period: f[6] ?? '',
    eur: unplain(f[9] ?? NULL),
    usd: unplain(f[10] ?? NULL),
  };
}

/** Where a flow's origin starts in its line: the tab before `originFile`, the 14th field. */
const ORIGIN_FIELD = BATCH_COLUMNS.indexOf('originFile');

/** A batch's lines by the line of the source row they came from, read without decoding the flows. */
export function linesByRow(content: string): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  if (content === '') return rows;
  for (const line of content.split('\n')) {
    const origin = tabBefore(line, ORIGIN_FIELD);
    const rowStart = line.indexOf('\t', origin + 1) + 1;
    const row = Number(line.slice(rowStart, line.indexOf('\t', rowStart)));
    const lines = rows.get(row);
    if (lines) lines.push(line);
    else rows.set(row, [line]);
  }
  return rows;
}

/** The position of the tab before field `field` of a line. */
function tabBefore(line: string, field: number): number {
  let at = -1;
  for (let index = 0; index < field; index += 1) at = line.indexOf('\t', at + 1);
  return at;
}

const TAB = 0x09;
const LF = 0x0a;
const NEWLINE = new Uint8Array([LF]);

/**
 * What each row's flows are, origin aside (the file, line and release differ from one download to the next), read
 * from a batch's text as UTF-8 without decoding it: by row, the pieces of the text that make up its lines without
 * their origin's three fields, one line after another (a line break between). Two versions of a row with the same
 * substance give the same flows.
 */
export function rowSubstances(content: Uint8Array): Map<number, Uint8Array[]> {
  const rows = new Map<number, Uint8Array[]>();
  for (let start = 0; start < content.length; ) {
    const found = content.indexOf(LF, start);
    const end = found === -1 ? content.length : found;
    let origin = start - 1;
    for (let field = 0; field < ORIGIN_FIELD; field += 1) origin = content.indexOf(TAB, origin + 1);
    const beforeRow = content.indexOf(TAB, origin + 1);
    const beforeRelease = content.indexOf(TAB, beforeRow + 1);
    const beforeRate = content.indexOf(TAB, beforeRelease + 1);
    let row = 0;
    for (let at = beforeRow + 1; at < beforeRelease; at += 1) row = row * 10 + (content[at] ?? 0) - 0x30;
    const pieces = rows.get(row);
    const substance = [content.subarray(start, origin), content.subarray(beforeRate, end)];
    if (pieces) pieces.push(NEWLINE, ...substance);
    else rows.set(row, substance);
    start = end + 1;
  }
  return rows;
}

/** Ten decimal places, the most a flow's amount carries (`checkFlow`). */
const SCALE = 10;
const SCALE_FACTOR = 10n ** BigInt(SCALE);
/** A cent in ten-place units. */
const CENT = 10n ** BigInt(SCALE - 2);

const ZERO = 0x30;

const negated = (value: string | null): string | null =>
  value === null ? null : value.startsWith('-') ? value.slice(1) : `-${value}`;

/** An exact sum of decimal strings: whole cents in a double while they fit exactly, the rest as scaled bigint. */
class DecimalSum {
  #cents = 0;
  #scaled = 0n;

  add(value: string | null): void {
    if (value === null) return;
    const point = value.indexOf('.');
    // A sum's ten places ("12.3400000000", what a batch's totals carry) read as the cents they hold.
    let end = value.length;
    if (point !== -1) while (end > point + 1 && value.charCodeAt(end - 1) === ZERO) end -= 1;
    const decimals = point === -1 ? 0 : end - point - 1;
    if (decimals <= 2 && end <= 15) {
      const cents =
        Number(point === -1 ? value : value.slice(0, point) + value.slice(point + 1, end)) * 10 ** (2 - decimals);
      const next = this.#cents + cents;
      if (Number.isSafeInteger(next)) {
        this.#cents = next;
        return;
      }
    }
    const negative = value.startsWith('-');
    const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
    const scaled = BigInt(whole) * SCALE_FACTOR + BigInt(fraction.padEnd(SCALE, '0'));
    this.#scaled += negative ? -scaled : scaled;
  }

  isZero(): boolean {
    return this.#scaled === 0n ? this.#cents === 0 : this.#scaled + BigInt(this.#cents) * CENT === 0n;
  }

  /** The sum as a decimal string with ten places, as `numeric(30, 10)` prints it. */
  toString(): string {
    if (this.#scaled === 0n) {
      // Whole cents only, written without bigints.
      const size = Math.abs(this.#cents);
      const whole = Math.floor(size / 100);
      return `${this.#cents < 0 ? '-' : ''}${whole}.${String(size - whole * 100).padStart(2, '0')}00000000`;
    }
    const total = this.#scaled + BigInt(this.#cents) * CENT;
    const negative = total < 0n;
    const digits = (negative ? -total : total).toString().padStart(SCALE + 1, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`;
  }
}

/** A group of TotalsSum: its donor, month, stage and category, its flows and their sums. */
interface TotalsGroup {
  readonly head: readonly [string, string, FlowStage, FlowCategory];
  count: number;
  readonly eur: DecimalSum;
  readonly usd: DecimalSum;
}

/** A group's slot among its donor's month's: stage × category. */
const STAGE_SLOT: Readonly<Record<FlowStage, number>> = { pledged: 0, committed: 4, allocated: 8, paid: 12 };
const CATEGORY_SLOT: Readonly<Record<FlowCategory, number>> = { military: 0, financial: 1, humanitarian: 2, total: 3 };

/** Sums by donor, month, stage and category, in the order each group first appears. */
export class TotalsSum {
  /**
   * The groups by donor, then month, then a slot per stage and category: each flow looks up its donor's id and its
   * month instead of building and hashing a text key (summing a million flows took a fifth less time).
   */
  readonly #byDonor = new Map<string, Map<string, (TotalsGroup | undefined)[]>>();
  /** Every group, in the order each first appears. */
  #groups: TotalsGroup[] = [];

  get groups(): number {
    return this.#groups.length;
  }

  #group(donorId: string, month: string, stage: FlowStage, category: FlowCategory): TotalsGroup {
    let months = this.#byDonor.get(donorId);
    if (!months) {
      months = new Map();
      this.#byDonor.set(donorId, months);
    }
    let slots = months.get(month);
    if (!slots) {
      slots = [];
      months.set(month, slots);
    }
    const slot = STAGE_SLOT[stage] + CATEGORY_SLOT[category];
    let group = slots[slot];
    if (!group) {
      group = { head: [donorId, month, stage, category], count: 0, eur: new DecimalSum(), usd: new DecimalSum() };
      slots[slot] = group;
      this.#groups.push(group);
    }
    return group;
  }

  addFlow(flow: TotalledFlow): void {
    const group = this.#group(flow.donorId, flow.period.slice(0, 7), flow.stage, flow.category);
    group.count += 1;
    group.eur.add(flow.eur);
    group.usd.add(flow.usd);
  }

  /** Takes a flow out of the sums (the version of a row a later import amends): its group may go to zero or below. */
  removeFlow(flow: TotalledFlow): void {
    const group = this.#group(flow.donorId, flow.period.slice(0, 7), flow.stage, flow.category);
    group.count -= 1;
    group.eur.add(negated(flow.eur));
    group.usd.add(negated(flow.usd));
  }

  addTotal([donorId, month, stage, category, flows, eur, usd]: FlowTotal): void {
    const group = this.#group(donorId, month, stage, category);
    group.count += flows;
    group.eur.add(eur);
    group.usd.add(usd);
  }

  /** The sums so far, and a fresh start. A group whose flows were all taken out again adds nothing and is left out. */
  take(): FlowTotal[] {
    const totals: FlowTotal[] = [];
    for (const { head, count, eur, usd } of this.#groups) {
      if (count === 0 && eur.isZero() && usd.isZero()) continue;
      totals.push([...head, count, eur.toString(), usd.toString()]);
    }
    this.#groups = [];
    this.#byDonor.clear();
    return totals;
  }
}

/**
 * A `FlowsImported` event: one batch of an import. Its flows are the text whose SHA-256 is `contentDigest` (in the
 * ledger's content store, columns `columns`); rows at `repeatedRows` (lines) add nothing, because the ledger held
 * their keys with the same flows already or the file gave them before; rows at `amendedRows` replace the version an
 * earlier import recorded. `totals` sums the rest of this batch, less the versions it replaces, and the same of the
 * batches before it whose events carried none: an import carries its sums forward until they hold many groups, and
 * its last batch carries what is left, so together its events' totals are what its flows change in the sums.
 */
export interface FlowBatch {
  readonly importId: string;
  readonly batch: number;
  /** Flows recorded: the batch's flows but those of the repeated rows. */
  readonly flows: number;
  readonly contentDigest: string;
  readonly columns: readonly string[];
  readonly repeatedRows: readonly number[];
  /** Rows that amend the version of their key an earlier import recorded; none in events recorded before them. */
  readonly amendedRows?: readonly RowAmendment[];
  readonly totals: readonly FlowTotal[];
}

/**
 * A row whose key an earlier import recorded with other flows (FTS gives a flow's later status or amount under its
 * id): it replaces that version, whose flows leave the sums (the event's totals take them out) and the flow lists.
 */
export interface RowAmendment {
  /** The row's line in this import's file. */
  readonly row: number;
  /** The version it replaces: the import that recorded it, its batch and its line there. */
  readonly replaces: { readonly importId: string; readonly batch: number; readonly row: number };
}

/** The events of an import: a batch at a time, then its summary. */
export type ImportEvent = DomainEvent<'FlowsImported', FlowBatch> | DomainEvent<'ImportCompleted', ImportSummary>;
