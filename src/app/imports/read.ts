/**
 * Reading a tracker file: every row counted and checked (RowTally), the good ones collected into batches whose text
 * is written as the rows come (BatchCollector), and each full batch handed to a sink that stages it (stage.ts).
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type FlowTotal, flowLine, type KeyedFlows, TotalsSum } from '../../domain/flow/batch.ts';
import { FormatError } from '../../ingest/formats/types.ts';
import { ContentBuilder } from '../../ledger/contents.ts';
import { RowTally } from './tally.ts';
import type { ImportFormat, NewOrganisation, RowError } from './types.ts';

/** A batch read and ready to stage: its text (UTF-8), each row's key and line, its flows and their totals. */
export interface ReadyBatch {
  readonly content: Buffer;
  /** The rows' keys, one a line. */
  readonly keys: string;
  /** The rows' lines in the file, separated by commas. */
  readonly lines: string;
  readonly flows: number;
  readonly totals: readonly FlowTotal[];
}

/** How to read: which rows to stage, and in batches of how many flows. */
export interface ReadPlan {
  /** False for a dry run: the rows are read and checked, nothing is collected. */
  readonly stage: boolean;
  /** Rows on or before this line were staged by an interrupted run. */
  readonly afterLine: number;
  readonly batchSize: number;
  readonly skipInvalid: boolean;
}

export interface ReadSink {
  /** Stages a batch; resolves when the reader may go on (a few batches may be in flight). */
  batch(batch: ReadyBatch): Promise<void>;
  progress(bytes: number, rows: number): void;
}

/** What reading found. */
export interface ReadOutcome {
  readonly rowsRead: number;
  readonly flows: number;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  /** The organisations the rows name, by id. */
  readonly organisations: ReadonlyMap<string, NewOrganisation>;
  /** The file cannot be read to its end: one error for the file, nothing imported. */
  readonly unreadable: boolean;
}

/**
 * How much of a file one read takes. A million FTS rows on the server read in a twentieth less time in 128 KiB pieces
 * than in the stream's default 64 KiB, and in a third more in 512 KiB pieces: the rows of a piece are handed on
 * together, and more than a few hundred of them at once outlive the collector's young generation.
 */
const READ_BYTES = 128 * 2 ** 10;

/** A file, or the bytes `start` to `end` (inclusive) of it, as the readers take it. */
export function fileStream(path: string, range: { readonly start?: number; readonly end?: number } = {}): Readable {
  return createReadStream(path, { ...range, highWaterMark: READ_BYTES });
}

/** Rows between two progress reports. */
const PROGRESS_ROWS = 5000;

/**
 * Reads a file (or a part of it: split.ts), handing `sink` its batches (the rows after those a resumed run staged).
 * Once a row is refused without --skip-invalid nothing more is staged: the file is read on only to list errors.
 */
export async function readRows(
  format: ImportFormat,
  input: Readable,
  file: string,
  plan: ReadPlan,
  sink: ReadSink,
): Promise<ReadOutcome> {
  const tally = new RowTally();
  const collector = plan.stage ? new BatchCollector(plan.afterLine, plan.batchSize) : null;
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  let unreadable = false;
  try {
    for await (const chunk of format.read(input, file))
      for (const row of chunk) {
        const keyed = tally.take(row);
        if (tally.rowsRead % PROGRESS_ROWS === 0) sink.progress(bytes, tally.rowsRead);
        if (keyed && collector && (tally.errorCount === 0 || plan.skipInvalid)) {
          const full = collector.add(keyed);
          if (full) await sink.batch(full);
        }
      }
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    tally.refuse({ row: error.line ?? tally.rowsRead + 1, column: null, reason: error.message });
    unreadable = true;
  } finally {
    // The rows read before a failure are staged too: a run that crashed resumes after them.
    const last = collector?.take();
    if (last) await sink.batch(last);
  }
  return {
    rowsRead: tally.rowsRead,
    flows: tally.flows,
    errors: tally.errors,
    errorCount: tally.errorCount,
    organisations: tally.organisations,
    unreadable,
  };
}

/** A batch being collected: its text (written as each row comes), the key and line of each row, its totals. */
class OpenBatch {
  readonly content = new ContentBuilder();
  readonly keys: string[] = [];
  readonly lines: number[] = [];
  readonly totals = new TotalsSum();
  flows = 0;

  add(row: KeyedFlows): void {
    this.keys.push(row.key);
    this.lines.push(row.row);
    for (const flow of row.flows) {
      this.content.append(this.flows === 0 ? flowLine(row.key, flow) : `\n${flowLine(row.key, flow)}`);
      this.totals.addFlow(flow);
      this.flows += 1;
    }
  }

  ready(): ReadyBatch {
    return {
      content: this.content.written(),
      keys: this.keys.join('\n'),
      lines: this.lines.join(','),
      flows: this.flows,
      totals: this.totals.take(),
    };
  }
}

/**
 * Collects rows into batches of about `batchSize` flows (a row's flows stay in one batch), leaving out the rows a
 * resumed run staged already and rows without flows. A row is written into its batch's text as it comes and kept no
 * longer.
 */
class BatchCollector {
  #open = new OpenBatch();

  constructor(
    private readonly afterLine: number,
    private readonly batchSize: number,
  ) {}

  /** Adds a row; the batch when it is full. */
  add(row: KeyedFlows): ReadyBatch | null {
    if (row.row <= this.afterLine || row.flows.length === 0) return null;
    this.#open.add(row);
    return this.#open.flows >= this.batchSize ? this.take() : null;
  }

  /** The batch collected so far, when it holds a flow, and a fresh one. */
  take(): ReadyBatch | null {
    if (this.#open.flows === 0) return null;
    const ready = this.#open.ready();
    this.#open = new OpenBatch();
    return ready;
  }
}
