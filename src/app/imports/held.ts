/**
 * The rows of an import the ledger already holds: a row whose key a recorded import of the same format holds, or one
 * this file gave before. A row the file repeats adds nothing; a row a recorded import holds is compared, in the
 * recording transaction, with the version of its key that counts now (record.ts): the same flows add nothing, other
 * flows amend it.
 *
 * What is found is kept in the transaction's temporary tables and read a few batches at a time, and rows are compared
 * by the digests `flow_batches` keeps beside their keys: a snapshot that holds a million recorded rows again takes no
 * more of the importer's memory than one that holds none.
 */
import { hash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Visibility } from '../../domain/facts.ts';
import {
  type FlowTotal,
  linesByRow,
  type RowAmendment,
  rowSubstances,
  type TotalsSum,
  totalledFlow,
} from '../../domain/flow/batch.ts';
import { openContentBytes, readContent } from '../../ledger/contents.ts';

/** A staged batch's rows the ledger holds, by line. */
export interface HeldRows {
  /**
   * Rows that add nothing: the file gave them before, their recorded version has the same flows, or it was recorded
   * under another visibility. Their flows leave the batch's staged totals.
   */
  readonly repeated: Set<number>;
  /** Rows that amend the version of their key an earlier import recorded. */
  readonly amended: RowAmendment[];
}

/**
 * Each row's substance (`rowSubstances`) as a digest, by row: two versions of a row with the same digest give the same
 * flows. Kept in `flow_batches.digests`, so it must not change.
 */
function substanceDigests(content: Buffer): Map<number, string> {
  const digests = new Map<number, string>();
  for (const [row, pieces] of rowSubstances(content)) digests.set(row, hash('sha256', Buffer.concat(pieces), 'base64'));
  return digests;
}

/**
 * How the queries here are planned. The tables joined are batches' keys unnested, which the planner cannot estimate:
 * hash joins throughout (a nested loop over a million keys never ends), no JIT (it took a second to compile them),
 * and room to hash a million keys without spilling. The queries join rather than ask `IN (subquery)`: a subquery too
 * large for work_mem is run again for every row.
 */
const SETTINGS = { enable_nestloop: 'off', jit: 'off', work_mem: "'64MB'" } as const;

/**
 * Finds the held rows of a staged import and compares those with a recorded version, leaving them in the temporary
 * table `held_rows` (batch, line, repeated, and the version an amending row replaces); the amended versions' flows
 * leave the sums through `carried`. Of the versions recorded for a key, the one that counts is the last recorded that
 * its event does not mark repeated; one recorded under another visibility than this import's is left as it is, and
 * the row adds nothing (taking it out of the sums of readers who never saw it would make them wrong). Within the
 * file, the first row with a key counts.
 */
export async function settleHeldRows(
  tx: Db,
  importId: string,
  format: string,
  visibility: Visibility,
  carried: TotalsSum,
): Promise<void> {
  await planned(tx, () => findHeldRows(tx, importId, format, visibility));
  // What was found, measured for the planner: the next statements join it with a million rows.
  await sql`ANALYZE held_found`.execute(tx);
  const { rows: compared } = await sql<{ import_id: string; batch: number }>`
    SELECT ${importId}::text AS import_id, batch FROM held_found WHERE NOT repeated
    UNION SELECT version_import, version_batch FROM held_found WHERE NOT repeated
    ORDER BY 1, 2`.execute(tx);
  await fillDigests(tx, compared);
  await planned(tx, () => compareHeldRows(tx, importId));
  await sql`CREATE INDEX ON held_rows (batch)`.execute(tx);
  await sql`CREATE INDEX ON held_rows (version_import, version_batch) WHERE NOT repeated`.execute(tx);
  await removeAmendedVersions(tx, carried);
}

/** Runs the big queries here as SETTINGS has them planned, and the rest of the transaction as it was. */
async function planned(tx: Db, work: () => Promise<void>): Promise<void> {
  for (const [setting, value] of Object.entries(SETTINGS))
    await sql`SET LOCAL ${sql.raw(setting)} = ${sql.raw(value)}`.execute(tx);
  await work();
  for (const setting of Object.keys(SETTINGS)) await sql`SET LOCAL ${sql.raw(setting)} TO DEFAULT`.execute(tx);
}

/**
 * The temporary table `held_rows`: the rows of `held_found`, those whose digest is their recorded version's now
 * repeated too.
 */
async function compareHeldRows(tx: Db, importId: string): Promise<void> {
  await sql`
    CREATE TEMP TABLE held_rows ON COMMIT DROP AS
    WITH mine AS (
      SELECT b.batch, d.line, d.digest
      FROM flow_batches b JOIN (SELECT DISTINCT batch FROM held_found WHERE NOT repeated) f ON f.batch = b.batch,
        unnest(b.lines, b.digests) AS d(line, digest)
      WHERE b.import_id = ${importId}
    ),
    theirs AS (
      SELECT b.import_id, b.batch, d.line, d.digest
      FROM flow_batches b
        JOIN (SELECT DISTINCT version_import, version_batch FROM held_found WHERE NOT repeated) v
          ON v.version_import = b.import_id AND v.version_batch = b.batch,
        unnest(b.lines, b.digests) AS d(line, digest)
    )
    SELECT h.batch, h.line, h.repeated OR coalesce(m.digest = t.digest, false) AS repeated,
           h.version_import, h.version_batch, h.version_line
    FROM held_found h
      LEFT JOIN mine m ON NOT h.repeated AND m.batch = h.batch AND m.line = h.line
      LEFT JOIN theirs t
        ON NOT h.repeated AND t.import_id = h.version_import AND t.batch = h.version_batch AND t.line = h.version_line`.execute(
    tx,
  );
}

/**
 * The temporary table `held_found`: every row of the import whose key the file gave before or a recorded import of
 * the same format holds, repeated or with the version it is compared with. One set-based query over the batches'
 * keys; a format's keys start with its own prefix (`kiel-r29:`, `fts:`), so only the imports of the same format can
 * hold them.
 */
async function findHeldRows(tx: Db, importId: string, format: string, visibility: Visibility): Promise<void> {
  await sql`
    CREATE TEMP TABLE held_found ON COMMIT DROP AS
    WITH mine AS MATERIALIZED (
      SELECT b.batch, k.key, k.line, b.batch::bigint * 2147483648 + k.line AS at
      FROM flow_batches b, unnest(b.keys, b.lines) AS k(key, line)
      WHERE b.import_id = ${importId}
    ),
    recorded AS MATERIALIZED (
      SELECT k.key, b.import_id, b.batch, k.line
      FROM flow_batches b JOIN rm_imports i ON i.import_id = b.import_id, unnest(b.keys, b.lines) AS k(key, line)
      WHERE b.import_id <> ${importId} AND i.format = ${format}
    ),
    -- As few passes over a million text keys as can be, each a hash (sorting them by their collation takes seconds):
    -- the keys the file gives more than once and their first row, the recorded versions of the keys of the file's
    -- first rows, the last of them that counts.
    repeats AS MATERIALIZED (SELECT key, min(at) AS at FROM mine GROUP BY key HAVING count(*) > 1),
    batch_events AS (
      SELECT e.seq, e.data->>'importId' AS import_id, (e.data->>'batch')::int AS batch,
             e.meta->>'visibility' AS visibility, e.data->'repeatedRows' AS repeated_rows
      FROM events e JOIN (SELECT DISTINCT import_id FROM recorded) r ON e.stream_id = 'import-' || r.import_id
      WHERE e.stream_type = 'import' AND e.type = 'FlowsImported'
    ),
    marked AS (
      SELECT be.import_id, be.batch, m.line::int AS line
      FROM batch_events be, jsonb_array_elements_text(be.repeated_rows) AS m(line)
    ),
    candidates AS MATERIALIZED (
      SELECT r.key, m.at AS first, r.import_id, r.batch, r.line, be.seq, be.visibility
      FROM recorded r
        JOIN mine m ON m.key = r.key
        JOIN batch_events be ON be.import_id = r.import_id AND be.batch = r.batch
        LEFT JOIN marked mk ON mk.import_id = r.import_id AND mk.batch = r.batch AND mk.line = r.line
      WHERE mk.line IS NULL
    )
    -- The first row of a key with a version: compared with it, or repeated when another visibility recorded it.
    SELECT (c.first / 2147483648)::int AS batch, (c.first % 2147483648)::int AS line,
           c.visibility <> ${visibility} AS repeated,
           c.import_id AS version_import, c.batch AS version_batch, c.line AS version_line
    FROM candidates c
    WHERE NOT EXISTS (SELECT 1 FROM candidates later WHERE later.key = c.key AND later.seq > c.seq)
      AND NOT EXISTS (SELECT 1 FROM repeats rp WHERE rp.key = c.key AND rp.at <> c.first)
    UNION ALL
    -- The rows after the first of a key the file gives more than once.
    SELECT m.batch, m.line, true, NULL, NULL, NULL
    FROM mine m JOIN repeats rp ON rp.key = m.key AND m.at <> rp.at`.execute(tx);
}

/**
 * Writes the row digests of the batches that lack them, reading each batch's content once (batches staged by this
 * run, and recorded ones compared for the first time).
 */
async function fillDigests(
  tx: Db,
  batches: readonly { readonly import_id: string; readonly batch: number }[],
): Promise<void> {
  const { rows: lacking } = await sql<{ import_id: string; batch: number }>`
    SELECT b.import_id, b.batch
    FROM unnest(${batches.map((one) => one.import_id)}::text[], ${batches.map((one) => one.batch)}::int[])
        AS w(import_id, batch)
      JOIN flow_batches b ON b.import_id = w.import_id AND b.batch = w.batch
    WHERE b.digests IS NULL
    ORDER BY 1, 2`.execute(tx);
  const write = async (filled: { importId: string; batch: number; digests: string }[]) => {
    if (filled.length === 0) return;
    // Base64 holds no space: each batch's digests go as one text, split by the database.
    await sql`
      UPDATE flow_batches b SET digests = string_to_array(f.digests, ' ')
      FROM unnest(${filled.map((one) => one.importId)}::text[], ${filled.map((one) => one.batch)}::int[],
                  ${filled.map((one) => one.digests)}::text[]) AS f(import_id, batch, digests)
      WHERE b.import_id = f.import_id AND b.batch = f.batch`.execute(tx);
  };
  let filled: { importId: string; batch: number; digests: string }[] = [];
  for await (const { importId, batch, bytes, lines } of batchContents(tx, lacking)) {
    const digests = substanceDigests(bytes);
    filled.push({ importId, batch, digests: lines.map((row) => digests.get(row) ?? '').join(' ') });
    if (filled.length === BATCHES_READ) {
      await write(filled);
      filled = [];
    }
  }
  await write(filled);
}

/** The recorded versions that rows of this import amend leave the sums: each batch holding them is read once. */
async function removeAmendedVersions(tx: Db, carried: TotalsSum): Promise<void> {
  const { rows: batches } = await sql<{ import_id: string; batch: number }>`
    SELECT DISTINCT version_import AS import_id, version_batch AS batch FROM held_rows WHERE NOT repeated
    ORDER BY 1, 2`.execute(tx);
  for (let from = 0; from < batches.length; from += BATCHES_READ) {
    const part = batches.slice(from, from + BATCHES_READ);
    const { rows: amended } = await sql<{ import_id: string; batch: number; line: number }>`
      SELECT h.version_import AS import_id, h.version_batch AS batch, h.version_line AS line
      FROM held_rows h
        JOIN unnest(${part.map((one) => one.import_id)}::text[], ${part.map((one) => one.batch)}::int[])
          AS w(import_id, batch) ON w.import_id = h.version_import AND w.batch = h.version_batch
      WHERE NOT h.repeated`.execute(tx);
    const texts = new Map<string, Map<number, string[]>>();
    for await (const { importId, batch, bytes } of batchContents(tx, part))
      texts.set(`${importId}\t${batch}`, linesByRow(bytes.toString('utf8')));
    for (const { import_id, batch, line } of amended)
      for (const flow of texts.get(`${import_id}\t${batch}`)?.get(line) ?? []) carried.removeFlow(totalledFlow(flow));
  }
}

/** The held rows of this import's batches `from` to `to` - 1, by batch (`settleHeldRows` found them). */
export async function heldRowsOf(tx: Db, from: number, to: number): Promise<Map<number, HeldRows>> {
  const { rows } = await sql<{
    batch: number;
    line: number;
    repeated: boolean;
    version_import: string | null;
    version_batch: number | null;
    version_line: number | null;
  }>`
    SELECT batch, line, repeated, version_import, version_batch, version_line
    FROM held_rows WHERE batch >= ${from} AND batch < ${to}
    ORDER BY batch, line`.execute(tx);
  const held = new Map<number, HeldRows>();
  for (const row of rows) {
    let ofBatch = held.get(row.batch);
    if (!ofBatch) {
      ofBatch = { repeated: new Set(), amended: [] };
      held.set(row.batch, ofBatch);
    }
    // A row that is not repeated has a version (held_found keeps no other).
    if (row.repeated || row.version_import === null || row.version_batch === null || row.version_line === null)
      ofBatch.repeated.add(row.line);
    else
      ofBatch.amended.push({
        row: row.line,
        replaces: { importId: row.version_import, batch: row.version_batch, row: row.version_line },
      });
  }
  return held;
}

/** Batches read together, and while the ones before them are compared. */
const BATCHES_READ = 8;

/** The texts (UTF-8) of staged or recorded batches, and their rows' lines, in the order asked, a few a query. */
async function* batchContents(
  tx: Db,
  wanted: readonly { readonly import_id: string; readonly batch: number }[],
): AsyncGenerator<{ importId: string; batch: number; bytes: Buffer; lines: readonly number[] }> {
  const read = async (from: number) => {
    const part = wanted.slice(from, from + BATCHES_READ);
    if (part.length === 0) return [];
    const { rows } = await sql<{
      import_id: string;
      batch: number;
      lines: number[];
      digest: string;
      deflated: Buffer;
    }>`
      SELECT b.import_id, b.batch, b.lines, c.digest, c.deflated
      FROM unnest(${part.map((one) => one.import_id)}::text[], ${part.map((one) => one.batch)}::int[])
          AS w(import_id, batch)
        JOIN flow_batches b ON b.import_id = w.import_id AND b.batch = w.batch
        JOIN ledger_contents c ON c.digest = b.digest`.execute(tx);
    // Inflated side by side on the thread pool.
    const contents = await Promise.all(rows.map((row) => openContentBytes(row.digest, row.deflated)));
    const found = new Map<string, { bytes: Buffer; lines: number[] }>();
    rows.forEach((row, at) => {
      found.set(`${row.import_id}\t${row.batch}`, { bytes: contents[at] ?? Buffer.alloc(0), lines: row.lines });
    });
    return part.map(({ import_id: importId, batch }) => {
      const one = found.get(`${importId}\t${batch}`);
      if (one === undefined) throw new Error(`the batch ${batch} of ${importId} is not in the ledger`);
      return { importId, batch, ...one };
    });
  };
  let next = read(0);
  for (let from = 0; from < wanted.length; from += BATCHES_READ) {
    const current = await next;
    next = read(from + BATCHES_READ);
    // Awaited on the next turn; a failure before that is not an unhandled rejection.
    next.catch(() => undefined);
    yield* current;
  }
}

/** What a staged batch records once the rows the ledger holds are settled. */
export interface SettledBatch {
  /** Its flows but those of repeated rows. */
  readonly flows: number;
  readonly repeatedRows: readonly number[];
  readonly amendedRows: readonly RowAmendment[];
  /** Flows of the rows that amend a recorded version. */
  readonly amendedFlows: number;
}

/**
 * Settles a staged batch, adding what it records to `carried`: its totals, less the flows of its repeated rows (a
 * row with the same flows as its recorded version gives the same totals). The versions its rows amend have left the
 * sums already (`settleHeldRows`).
 */
export async function settleBatch(
  tx: Db,
  batch: { readonly digest: string; readonly flows: number; readonly rows: number; readonly totals: string },
  held: HeldRows | undefined,
  carried: TotalsSum,
): Promise<SettledBatch> {
  const repeatedRows = [...(held?.repeated ?? [])];
  // Every row repeated (a snapshot given again): the batch adds nothing, and its text need not be read.
  if (repeatedRows.length === batch.rows) return { flows: 0, repeatedRows, amendedRows: [], amendedFlows: 0 };
  for (const total of JSON.parse(batch.totals) as readonly FlowTotal[]) carried.addTotal(total);
  if (!held) return { flows: batch.flows, repeatedRows, amendedRows: [], amendedFlows: 0 };
  const mine = linesByRow(await readContent(tx, batch.digest));
  let flows = batch.flows;
  for (const row of held.repeated)
    for (const line of mine.get(row) ?? []) {
      carried.removeFlow(totalledFlow(line));
      flows -= 1;
    }
  let amendedFlows = 0;
  for (const { row } of held.amended) amendedFlows += mine.get(row)?.length ?? 0;
  return { flows, repeatedRows, amendedRows: held.amended, amendedFlows };
}
