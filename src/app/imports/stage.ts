/**
 * Staging: an import's valid rows, a batch at a time, sealed into the ledger's content store and indexed in
 * `flow_batches`, each batch committed on its own, so an interrupted run resumes after the last line of its
 * contiguous staged prefix. Nothing staged is visible until the recording transaction (record.ts) puts the batches'
 * events on the ledger.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { decodeBatch, type FlowBatch } from '../../domain/flow/batch.ts';
import { readContent, type SealedContent, sealContent } from '../../ledger/contents.ts';
import type { ReadyBatch } from './read.ts';

/** A batch whose text a reading worker sealed already (split.ts). */
export interface SealedBatch extends Omit<ReadyBatch, 'content'> {
  readonly sealed: SealedContent;
}

/** Where a run stands: batches staged (0 to `staged` - 1), holding the file's rows up to line `afterLine`. */
export interface RunStart {
  readonly staged: number;
  readonly afterLine: number;
}

/**
 * Starts or takes over a run: keeps the batches an interrupted run staged in order, drops any after a gap. Batches
 * hold whole rows in file order, so the run goes on with the rows after the last line they hold, however the
 * interrupted run cut its batches.
 */
export async function startRun(
  db: Db,
  now: Date,
  run: { importId: string; format: string; file: string; sha256: string },
) {
  await db
    .insertInto('import_runs')
    .values({
      import_id: run.importId,
      format: run.format,
      file: run.file,
      sha256: run.sha256,
      status: 'staging',
      batches: 0,
      started_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('import_id').doNothing())
    .execute();
  const staged = await db
    .selectFrom('flow_batches')
    .select('batch')
    .where('import_id', '=', run.importId)
    .orderBy('batch')
    .execute();
  let contiguous = 0;
  while (staged[contiguous]?.batch === contiguous) contiguous += 1;
  await db.deleteFrom('flow_batches').where('import_id', '=', run.importId).where('batch', '>=', contiguous).execute();
  const { last } = await db
    .selectFrom('flow_batches')
    .select(sql<number>`coalesce(max(lines[array_upper(lines, 1)]), 0)::int`.as('last'))
    .where('import_id', '=', run.importId)
    .executeTakeFirstOrThrow();
  return { staged: contiguous, afterLine: last } satisfies RunStart;
}

/** Forgets a run that will not be recorded: its batches, and their contents unless another import holds the same. */
export async function dropRun(db: Db, importId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await dropBatches(tx, importId);
    await tx.deleteFrom('import_runs').where('import_id', '=', importId).execute();
  });
}

/** Forgets the batches a run staged, and their contents unless another import holds the same. */
export async function dropBatches(db: Db, importId: string): Promise<void> {
  const dropped = await db.deleteFrom('flow_batches').where('import_id', '=', importId).returning('digest').execute();
  const digests = [...new Set(dropped.map((row) => row.digest))];
  if (digests.length === 0) return;
  await db
    .deleteFrom('ledger_contents')
    .where('digest', 'in', digests)
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('flow_batches').select('batch').whereRef('flow_batches.digest', '=', 'ledger_contents.digest'),
        ),
      ),
    )
    .execute();
}

/**
 * Numbers the batches of each range (a reading worker's, split.ts), in order, on from `first`: in one transaction, so
 * a run killed before it commits keeps only the batches before the ranges, and resumes after them.
 */
export async function renumberBatches(
  db: Db,
  importId: string,
  ranges: readonly { readonly from: number; readonly count: number }[],
  first: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    let next = first;
    for (const { from, count } of ranges) {
      await tx
        .updateTable('flow_batches')
        .set({ batch: sql<number>`batch - ${from}::int + ${next}::int` })
        .where('import_id', '=', importId)
        .where('batch', '>=', from)
        .where('batch', '<', from + count)
        .execute();
      next += count;
    }
  });
}

/** Batches being written at once: on the server each has its own connection, and sealing runs on the thread pool. */
const IN_FLIGHT = 3;

/**
 * Stages the batches a reader hands it (read.ts), numbered on from `first` (the batches a resumed run staged already).
 * A few batches are written while the next is read; they may commit out of order, which a resumed run handles as it
 * handles a kill (it keeps the contiguous prefix).
 */
export class BatchStager {
  #batch: number;
  readonly #writing: Promise<void>[] = [];

  constructor(
    private readonly db: Db,
    private readonly importId: string,
    first: number,
  ) {
    this.#batch = first;
  }

  /** Starts staging a batch; waits while too many batches are being written. */
  async stage(ready: ReadyBatch | SealedBatch): Promise<void> {
    const writing = this.#write(this.#batch, ready);
    this.#batch += 1;
    // Its failure is reported where it is awaited, not as an unhandled rejection before that.
    writing.catch(() => undefined);
    this.#writing.push(writing);
    while (this.#writing.length >= IN_FLIGHT) await this.#writing.shift();
  }

  /** The number the next batch gets: the batches staged by this run and the run it took over, from 0. */
  get batches(): number {
    return this.#batch;
  }

  /** Waits until every batch is staged; the first failure, if one failed. */
  async done(): Promise<void> {
    const results = await Promise.allSettled(this.#writing.splice(0));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Seals the batch's text (compressed on the thread pool), then writes it in one statement, so one round trip and
   * atomic on its own: the content (kept as it is when another import stored the same text) and the batch's index
   * row. Keys and lines go as one text each, split by the database: far less work than an array parameter of
   * thousands of strings.
   */
  async #write(batch: number, ready: ReadyBatch | SealedBatch): Promise<void> {
    const content = 'sealed' in ready ? ready.sealed : await sealContent(ready.content);
    await this.db
      .with('content', (cte) =>
        cte
          .insertInto('ledger_contents')
          .values({ ...content })
          .onConflict((conflict) => conflict.column('digest').doNothing()),
      )
      .insertInto('flow_batches')
      .values({
        import_id: this.importId,
        batch,
        digest: content.digest,
        flows: ready.flows,
        keys: sql<string[]>`string_to_array(${ready.keys}, E'\\n')`,
        lines: sql<number[]>`string_to_array(${ready.lines}, ',')::int[]`,
        totals: JSON.stringify(ready.totals),
      })
      .execute();
  }
}

/**
 * Indexes the batches of the imports on the ledger that `flow_batches` lacks (a ledger restored from an export), from
 * their events and contents, so that the next import finds the rows they hold.
 */
export async function indexImportedBatches(db: Db): Promise<void> {
  for (let after = 0; ; ) {
    const events = await db
      .selectFrom('events')
      .select(['seq', 'data'])
      .where('type', '=', 'FlowsImported')
      .where('seq', '>', String(after))
      .orderBy('seq')
      .limit(100)
      .execute();
    if (events.length === 0) return;
    after = Number(events[events.length - 1]?.seq);
    for (const { data } of events) {
      const batch = data as FlowBatch;
      const rows = new Map<number, string>();
      let flows = 0;
      for (const flow of decodeBatch(await readContent(db, batch.contentDigest))) {
        rows.set(flow.origin.row, flow.key);
        flows += 1;
      }
      await db
        .insertInto('flow_batches')
        .values({
          import_id: batch.importId,
          batch: batch.batch,
          digest: batch.contentDigest,
          flows,
          keys: [...rows.values()],
          lines: [...rows.keys()],
          totals: JSON.stringify(batch.totals),
        })
        .onConflict((conflict) => conflict.columns(['import_id', 'batch']).doNothing())
        .execute();
    }
  }
}
