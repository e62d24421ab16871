/**
 * Staging: an import's valid rows, a batch at a time, sealed into the ledger's content store and indexed in
 * `flow_batches`, each batch committed on its own, so an interrupted run resumes from its contiguous staged prefix.
 * Nothing staged is visible until the recording transaction (record.ts) puts the batches' events on the ledger.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { batchTotals, decodeBatch, encodeBatch, type FlowBatch, type KeyedFlows } from '../../domain/flow/batch.ts';
import { readContent, sealContent, storeContents } from '../../ledger/contents.ts';

/** Starts or takes over a run: keeps the batches an interrupted run staged in order, drops any after a gap. */
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
  return { staged: contiguous };
}

/** Forgets a run that will not be recorded: its batches, and their contents unless another import holds the same. */
export async function dropRun(db: Db, importId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const dropped = await tx.deleteFrom('flow_batches').where('import_id', '=', importId).returning('digest').execute();
    const digests = [...new Set(dropped.map((row) => row.digest))];
    if (digests.length > 0) {
      await tx
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
    await tx.deleteFrom('import_runs').where('import_id', '=', importId).execute();
  });
}

/**
 * Collects rows into batches of about `batchSize` flows (a row's flows stay in one batch) and stages each one from
 * `firstToWrite` on (the ones before it a resumed run staged already). One batch is written while the next is read.
 */
export class BatchStager {
  #rows: KeyedFlows[] = [];
  #flows = 0;
  #batch = 0;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db | null,
    private readonly importId: string,
    private readonly firstToWrite: number,
    private readonly batchSize: number,
  ) {}

  /** Adds a row; true when the batch is full and the caller should `flush` (no promise for every row). */
  add(row: KeyedFlows): boolean {
    this.#rows.push(row);
    this.#flows += row.flows.length;
    return this.#flows >= this.batchSize;
  }

  /** Stages what is collected (waiting for the batch before it), then starts a new batch. */
  async flush(): Promise<void> {
    if (this.#rows.length === 0) return;
    const rows = this.#rows;
    const batch = this.#batch;
    this.#rows = [];
    this.#flows = 0;
    this.#batch += 1;
    const previous = this.#writing;
    const db = this.db;
    this.#writing = db && batch >= this.firstToWrite ? previous.then(() => this.#write(db, batch, rows)) : previous;
    await previous;
  }

  /** Batches handed over so far. */
  get batches(): number {
    return this.#batch;
  }

  /** Waits until every batch handed over is staged. */
  async done(): Promise<void> {
    await this.flush();
    await this.#writing;
  }

  async #write(db: Db, batch: number, rows: readonly KeyedFlows[]): Promise<void> {
    const flows = rows.flatMap((row) => row.flows);
    const content = await sealContent(encodeBatch(rows));
    await db.transaction().execute(async (tx) => {
      await storeContents(tx, [content]);
      await tx
        .insertInto('flow_batches')
        .values({
          import_id: this.importId,
          batch,
          digest: content.digest,
          flows: flows.length,
          // As one text each, split by the database: far less work than an array parameter of a thousand strings.
          keys: sql<string[]>`string_to_array(${rows.map((row) => row.key).join('\n')}, E'\\n')`,
          lines: sql<number[]>`string_to_array(${rows.map((row) => row.row).join(',')}, ',')::int[]`,
          totals: JSON.stringify(batchTotals(flows)),
        })
        .execute();
    });
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
