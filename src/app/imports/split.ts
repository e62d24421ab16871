/**
 * Reading a big file in several threads. The importing thread is the busy part of an import (reading, checking and
 * writing rows into batches): so the file is cut into parts at line breaks, this thread reads and stages the first,
 * and a worker thread (read-worker.ts) each of the others, sealing its batches and handing them here to be written.
 *
 * A worker reads its part as the whole file would be read from there: the header, then as many blank lines as the
 * file has line breaks before the part (blank lines are skipped but counted), then its bytes; so its rows have the
 * file's line numbers and its errors read as they would. A cut is a record boundary unless it falls inside a quoted
 * cell; then the part before it ends in an unclosed quote and cannot be read to its end, and the file is read again
 * by one thread. Until every part is read, a worker's batches are numbered from PROVISIONAL, which a resumed run drops
 * as it drops any batch after a gap; then they are numbered on from this thread's, in one transaction.
 */
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/index.ts';
import { fileStream, type ReadOutcome, type ReadPlan, type ReadSink, readRows } from './read.ts';
import { MAX_ERRORS } from './runs.ts';
import { BatchStager, dropBatches, renumberBatches, type SealedBatch } from './stage.ts';
import type { FormatRecipe, ImportFormat, NewOrganisation } from './types.ts';

/** Files of at least this many bytes are read by READ_THREADS threads, unless the import says otherwise. */
export const SPLIT_FROM_BYTES = 64 * 2 ** 20;

/** One a core, at most four. */
export const READ_THREADS = Math.min(4, availableParallelism());

/** A worker's batches are numbered from PROVISIONAL + its part × PART_BATCHES until every part is read. */
const PROVISIONAL = 1_000_000_000;
const PART_BATCHES = 50_000_000;

/** A part of a file after the first: from byte `start`, up to `end` (the file's end when null), on line `line`. */
export interface Part {
  readonly start: number;
  readonly end: number | null;
  readonly line: number;
}

/** Where a file is cut: its header line (with its line break), and the parts after the first. */
export interface Cuts {
  readonly header: Uint8Array;
  readonly parts: readonly Part[];
}

/** What a worker is given. */
export interface WorkerInput {
  readonly recipe: FormatRecipe;
  readonly path: string;
  readonly file: string;
  /** The file's header line, which the worker reads before its part. */
  readonly header: Uint8Array;
  readonly part: Part;
  /** False for a dry run: the rows are read and checked, nothing is collected. */
  readonly stage: boolean;
  readonly batchSize: number;
  readonly skipInvalid: boolean;
}

/** What a worker sends: a batch to write, its progress, and what it found. */
export type WorkerMessage =
  | { readonly type: 'batch'; readonly batch: SealedBatch }
  | { readonly type: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly type: 'done'; readonly outcome: WorkerOutcome };

/** A ReadOutcome as a message carries it. */
export type WorkerOutcome = Omit<ReadOutcome, 'organisations'> & {
  readonly organisations: readonly (readonly [string, NewOrganisation])[];
};

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const WINDOW = 2 ** 20;

/**
 * Where to cut a file into `parts`: at the first line break past each equal share. Null when it is better read by one
 * thread: a header that is not one line ending in LF, a CR before the last cut (a line break there is not always one
 * line to the CSV reader), or shares too small to hold a line break.
 */
export async function findCuts(path: string, size: number, parts: number): Promise<Cuts | null> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(WINDOW);
    const read = async (position: number) => {
      const { bytesRead } = await handle.read(buffer, 0, WINDOW, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(0);
    const headerEnd = head.indexOf(LF) + 1;
    // The header is one line when its quotes are closed at the first line break.
    // A copy: the buffer is read into again below.
    const header = Uint8Array.from(head.subarray(0, headerEnd));
    const quotes = header.reduce((count, byte) => count + (byte === QUOTE ? 1 : 0), 0);
    if (headerEnd === 0 || quotes % 2 === 1 || header.includes(CR)) return null;
    const cuts: number[] = [];
    for (let part = 1; part < parts; part += 1) {
      const share = Math.max(headerEnd, Math.floor((size * part) / parts), (cuts[cuts.length - 1] ?? 0) + 1);
      const found = (await read(share)).indexOf(LF);
      if (found === -1 || share + found + 1 >= size) return null;
      cuts.push(share + found + 1);
    }
    // The line each part starts on: 1 + the line breaks before it.
    const lines: number[] = [];
    let breaks = 0;
    let from = 0;
    for (const cut of cuts) {
      for (let position = from; position < cut; position += WINDOW) {
        const chunk = (await read(position)).subarray(0, cut - position);
        if (chunk.includes(CR)) return null;
        for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) breaks += 1;
      }
      lines.push(breaks + 1);
      from = cut;
    }
    return {
      header,
      parts: cuts.map((start, index) => ({ start, end: cuts[index + 1] ?? null, line: lines[index] ?? 1 })),
    };
  } finally {
    await handle.close();
  }
}

/** A worker's thread, loaded through read-thread.js (which registers the TypeScript loader first). */
const WORKER = new URL('./read-thread.js', import.meta.url);

/** A worker reading a part: its batches written in order as they come, its progress, and how it ended. */
class PartReader {
  readonly #worker: Worker;
  readonly stager: BatchStager;
  /** Resolves with the worker's outcome once every batch it sent is staged. */
  readonly done: Promise<WorkerOutcome>;
  bytes = 0;
  rows = 0;

  constructor(input: WorkerInput, stager: BatchStager, progress: () => void) {
    this.stager = stager;
    this.#worker = new Worker(WORKER, { workerData: input });
    let staging = Promise.resolve();
    this.done = new Promise<WorkerOutcome>((resolve, reject) => {
      this.#worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          this.bytes = message.bytes;
          this.rows = message.rows;
          progress();
        } else if (message.type === 'batch') {
          // A Buffer arrives as a Uint8Array. The worker goes on while a few batches wait here.
          const { sealed } = message.batch;
          const deflated = Buffer.from(sealed.deflated.buffer, sealed.deflated.byteOffset, sealed.deflated.length);
          const batch = { ...message.batch, sealed: { ...sealed, deflated } };
          staging = staging.then(() => stager.stage(batch)).then(() => this.#worker.postMessage('staged'));
          staging.catch(reject);
        } else {
          resolve(staging.then(() => stager.done()).then(() => message.outcome));
        }
      });
      this.#worker.on('error', reject);
      this.#worker.on('exit', (code) => reject(new Error(`a reading thread stopped (exit code ${code})`)));
    });
    this.done.catch(() => undefined);
  }

  /** Stops the worker and waits for the batches it sent to be written. */
  async stop(): Promise<void> {
    await this.#worker.terminate();
    await this.stager.done().catch(() => undefined);
  }
}

/**
 * Reads a file in parts (`cuts` from findCuts), staging a fresh run's batches (none in a dry run): the whole file's
 * outcome and the batches staged, or null when a part before the last cannot be read to its end (a cut inside a
 * quoted cell, or a file broken there): the batches are dropped, and the file is for one thread to read.
 */
export async function readInParts(
  db: Db,
  importId: string,
  format: ImportFormat & { readonly rebuild: FormatRecipe },
  path: string,
  cuts: Cuts,
  file: string,
  plan: ReadPlan,
  onProgress: (bytes: number, rows: number) => void,
): Promise<{ readonly outcome: ReadOutcome; readonly batches: number } | null> {
  const mine = new BatchStager(db, importId, 0);
  let bytes = 0;
  let rows = 0;
  const progress = () =>
    onProgress(
      workers.reduce((sum, worker) => sum + worker.bytes, bytes),
      workers.reduce((sum, worker) => sum + worker.rows, rows),
    );
  const workers: PartReader[] = cuts.parts.map((part, index) => {
    const { stage, batchSize, skipInvalid } = plan;
    const input = {
      recipe: format.rebuild,
      path,
      file,
      header: cuts.header,
      part,
      stage,
      batchSize,
      skipInvalid,
    };
    return new PartReader(input, new BatchStager(db, importId, PROVISIONAL + index * PART_BATCHES), progress);
  });
  let outcomes: ReadOutcome[];
  try {
    const sink: ReadSink = {
      batch: (batch) => mine.stage(batch),
      progress: (read, count) => {
        bytes = read;
        rows = count;
        progress();
      },
    };
    const end = (cuts.parts[0]?.start ?? 1) - 1;
    let first: ReadOutcome;
    try {
      first = await readRows(format, fileStream(path, { end }), file, plan, sink);
    } finally {
      await mine.done();
    }
    const others = await Promise.all(workers.map((worker) => worker.done));
    outcomes = [first, ...others.map((outcome) => ({ ...outcome, organisations: new Map(outcome.organisations) }))];
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  if (outcomes.slice(0, -1).some((outcome) => outcome.unreadable)) {
    if (plan.stage) await dropBatches(db, importId);
    return null;
  }
  const ranges = workers.map((worker, index) => {
    const from = PROVISIONAL + index * PART_BATCHES;
    return { from, count: worker.stager.batches - from };
  });
  if (plan.stage) await renumberBatches(db, importId, ranges, mine.batches);
  return { outcome: joined(outcomes), batches: ranges.reduce((sum, range) => sum + range.count, mine.batches) };
}

/** The parts' outcomes as the whole file's: counts added, errors in file order, the first row's organisation. */
function joined(outcomes: readonly ReadOutcome[]): ReadOutcome {
  const organisations = new Map<string, NewOrganisation>();
  for (const outcome of outcomes)
    for (const [id, organisation] of outcome.organisations)
      if (!organisations.has(id)) organisations.set(id, organisation);
  const sum = (count: (outcome: ReadOutcome) => number) => outcomes.reduce((total, one) => total + count(one), 0);
  return {
    rowsRead: sum((outcome) => outcome.rowsRead),
    flows: sum((outcome) => outcome.flows),
    errors: outcomes.flatMap((outcome) => outcome.errors).slice(0, MAX_ERRORS),
    errorCount: sum((outcome) => outcome.errorCount),
    organisations,
    unreadable: outcomes.some((outcome) => outcome.unreadable),
  };
}
