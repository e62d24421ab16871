/**
 * The rows of an import the ledger already holds: a row whose key a recorded import of the same format holds, or one
 * this file gave before. A row the file repeats adds nothing; a row a recorded import holds is compared, in the
 * recording transaction, with the version of its key that counts now (record.ts): the same flows add nothing, other
 * flows amend it.
 */
import { hash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Visibility } from '../../domain/facts.ts';
import {
  type FlowTotal,
  linesByRow,
  type RowAmendment,
  rowSubstance,
  type TotalsSum,
  totalledFlow,
} from '../../domain/flow/batch.ts';
import { openContent, readContent } from '../../ledger/contents.ts';

/** Where a recorded version of a row is: its import, batch and line. */
export interface RowVersion {
  readonly importId: string;
  readonly batch: number;
  readonly row: number;
}

/** A staged batch's rows the ledger holds, by line. */
export interface HeldRows {
  /** Rows the file gave before: they add nothing. */
  readonly repeated: Set<number>;
  /** Rows a recorded import holds, with the version of their key that counts now. */
  readonly recorded: Map<number, RowVersion>;
}

/**
 * The rows of a staged import the ledger holds, by batch. One set-based query over every batch's keys; a format's
 * keys start with its own prefix (`kiel-r29:`, `fts:`), so only the imports of the same format can hold them. Of the
 * versions recorded for a key, the one that counts is the last recorded that its event does not mark repeated; one
 * recorded under another visibility than this import's is left as it is, and the row adds nothing (as before
 * amendments: taking it out of the sums of readers who never saw it would make them wrong).
 */
export async function heldRows(
  tx: Db,
  importId: string,
  format: string,
  visibility: Visibility,
): Promise<Map<number, HeldRows>> {
  // Joins, not `IN (subquery)`: a subquery too large for work_mem is run again for every row.
  const found = await sql<{
    batch: number;
    line: number;
    key: string;
    held_import: string | null;
    held_batch: number | null;
    held_line: number | null;
  }>`
    WITH mine AS MATERIALIZED (
      SELECT b.batch, k.key, k.line
      FROM flow_batches b, unnest(b.keys, b.lines) AS k(key, line)
      WHERE b.import_id = ${importId}
    ),
    repeated AS (SELECT key FROM mine GROUP BY key HAVING count(*) > 1),
    recorded AS MATERIALIZED (
      SELECT k.key, b.import_id, b.batch, k.line
      FROM flow_batches b JOIN rm_imports i ON i.import_id = b.import_id, unnest(b.keys, b.lines) AS k(key, line)
      WHERE b.import_id <> ${importId} AND i.format = ${format}
    ),
    suspect AS (SELECT key FROM repeated UNION SELECT key FROM recorded)
    SELECT m.batch, m.line, m.key, r.import_id AS held_import, r.batch AS held_batch, r.line AS held_line
    FROM mine m JOIN suspect s ON s.key = m.key LEFT JOIN recorded r ON r.key = m.key
    ORDER BY m.batch, m.line`.execute(tx);
  const events = await recordedEvents(tx, [
    ...new Set(found.rows.flatMap((row) => (row.held_import === null ? [] : [row.held_import]))),
  ]);
  // A row with several recorded versions comes once per version: the one that counts is kept.
  const versions = new Map<string, { version: RowVersion; seq: number; visibility: Visibility }>();
  for (const row of found.rows) {
    if (row.held_import === null || row.held_batch === null || row.held_line === null) continue;
    const event = events.get(`${row.held_import}:${row.held_batch}`);
    if (!event || event.repeated.has(row.held_line)) continue;
    const known = versions.get(row.key);
    if (!known || event.seq > known.seq) {
      versions.set(row.key, {
        version: { importId: row.held_import, batch: row.held_batch, row: row.held_line },
        seq: event.seq,
        visibility: event.visibility,
      });
    }
  }
  const seen = new Set<string>();
  const held = new Map<number, HeldRows>();
  let previous = '';
  for (const row of found.rows) {
    // A row comes once per recorded version of its key, one after the other.
    const at = `${row.batch}:${row.line}`;
    if (at === previous) continue;
    previous = at;
    // Within the file the first row with a key counts (compared with the recorded version, if there is one).
    if (seen.has(row.key)) {
      batchOf(held, row.batch).repeated.add(row.line);
      continue;
    }
    seen.add(row.key);
    const version = versions.get(row.key);
    if (!version) continue;
    // A version recorded under another visibility is not amended (its sums are another reader's), nor added again.
    if (version.visibility === visibility) batchOf(held, row.batch).recorded.set(row.line, version.version);
    else batchOf(held, row.batch).repeated.add(row.line);
  }
  return held;
}

const batchOf = (held: Map<number, HeldRows>, batch: number): HeldRows => {
  let rows = held.get(batch);
  if (!rows) {
    rows = { repeated: new Set(), recorded: new Map() };
    held.set(batch, rows);
  }
  return rows;
};

/** A recorded batch's event: its place in the chain, its visibility and the rows it marks repeated. */
interface RecordedEvent {
  readonly seq: number;
  readonly visibility: Visibility;
  readonly repeated: Set<number>;
}

/** The recorded batches' events of these imports, by `importId:batch`. */
async function recordedEvents(tx: Db, importIds: readonly string[]): Promise<Map<string, RecordedEvent>> {
  const events = new Map<string, RecordedEvent>();
  if (importIds.length === 0) return events;
  // The fields needed, not the whole data: a batch's event may carry thousands of totals.
  const { rows } = await sql<{
    seq: string;
    import_id: string;
    batch: number;
    repeated: number[];
    visibility: Visibility;
  }>`
    SELECT seq, data->>'importId' AS import_id, (data->>'batch')::int AS batch, data->'repeatedRows' AS repeated,
           meta->>'visibility' AS visibility
    FROM events
    WHERE stream_type = 'import' AND type = 'FlowsImported'
      AND stream_id IN (SELECT 'import-' || id FROM unnest(${importIds}::text[]) AS i(id))`.execute(tx);
  for (const row of rows) {
    events.set(`${row.import_id}:${row.batch}`, {
      seq: Number(row.seq),
      visibility: row.visibility,
      repeated: new Set(row.repeated),
    });
  }
  return events;
}

/** What comparing a batch's held rows with their recorded versions found. */
interface Compared {
  /** Rows whose flows are those of their recorded version: repeated. */
  readonly same: Set<number>;
  /** Their flows. */
  sameFlows: number;
  readonly amended: RowAmendment[];
  /** Flows of the amending rows. */
  amendedFlows: number;
}

/** A row waiting for its recorded version: its batch and line, the version, and its substance's digest. */
interface Pending {
  readonly batch: number;
  readonly row: number;
  readonly version: RowVersion;
  readonly digest: string;
  readonly flows: number;
}

/** A row's substance (`rowSubstance`) as a digest, so that a million held rows are not held as their text. */
const substanceDigest = (lines: readonly string[]): string => hash('sha256', rowSubstance(lines), 'base64');

/**
 * Compares every held row of a staged import with its recorded version, reading each batch once, the new ones and
 * the recorded ones (a snapshot in another order than the one before it scatters its rows over all of that one's
 * batches). The flows of the versions found again, and of those amended, leave the sums through `carried`: the
 * staged totals of this import's batches count every row.
 */
export async function compareVersions(
  tx: Db,
  importId: string,
  held: ReadonlyMap<number, HeldRows>,
  carried: TotalsSum,
): Promise<Map<number, Compared>> {
  const compared = new Map<number, Compared>();
  const pending = new Map<string, Pending[]>();
  const mine = [...held].filter(([, rows]) => rows.recorded.size > 0).sort(([a], [b]) => a - b);
  for await (const { batch, text } of batchTexts(
    tx,
    mine.map(([batch]) => ({ importId, batch })),
  )) {
    const lines = linesByRow(text);
    for (const [row, version] of held.get(batch)?.recorded ?? []) {
      const own = lines.get(row) ?? [];
      const waiting = { batch, row, version, digest: substanceDigest(own), flows: own.length };
      const at = `${version.importId}\t${version.batch}`;
      const list = pending.get(at);
      if (list) list.push(waiting);
      else pending.set(at, [waiting]);
    }
  }
  const recorded = [...pending.values()].map((waiting) => (waiting[0] as Pending).version);
  for await (const { importId: recordedBy, batch, text } of batchTexts(tx, recorded)) {
    const versions = linesByRow(text);
    for (const { batch: mine, row, version, digest, flows } of pending.get(`${recordedBy}\t${batch}`) ?? []) {
      let result = compared.get(mine);
      if (!result) {
        result = { same: new Set(), sameFlows: 0, amended: [], amendedFlows: 0 };
        compared.set(mine, result);
      }
      const before = versions.get(version.row) ?? [];
      // A repeated row's flows leave the sums as its recorded version's (the same flows); an amended version's too.
      for (const line of before) carried.removeFlow(totalledFlow(line));
      if (substanceDigest(before) === digest) {
        result.same.add(row);
        result.sameFlows += flows;
      } else {
        result.amended.push({ row, replaces: version });
        result.amendedFlows += flows;
      }
    }
  }
  return compared;
}

/** Batches read together, and while the ones before them are compared. */
const BATCHES_READ = 8;

/** The texts of staged or recorded batches, in the order asked, a few a query, the next few read meanwhile. */
async function* batchTexts(
  tx: Db,
  wanted: readonly { readonly importId: string; readonly batch: number }[],
): AsyncGenerator<{ importId: string; batch: number; text: string }> {
  const read = async (from: number) => {
    const part = wanted.slice(from, from + BATCHES_READ);
    if (part.length === 0) return [];
    const { rows } = await sql<{ import_id: string; batch: number; digest: string; deflated: Buffer }>`
      SELECT b.import_id, b.batch, c.digest, c.deflated
      FROM unnest(${part.map((one) => one.importId)}::text[], ${part.map((one) => one.batch)}::int[])
          AS w(import_id, batch)
        JOIN flow_batches b ON b.import_id = w.import_id AND b.batch = w.batch
        JOIN ledger_contents c ON c.digest = b.digest`.execute(tx);
    const texts = new Map<string, string>();
    for (const row of rows) texts.set(`${row.import_id}\t${row.batch}`, await openContent(row.digest, row.deflated));
    return part.map(({ importId, batch }) => {
      const text = texts.get(`${importId}\t${batch}`);
      if (text === undefined) throw new Error(`the batch ${batch} of ${importId} is not in the ledger`);
      return { importId, batch, text };
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
 * Settles a staged batch, adding what it records to `carried`: its totals, less the flows of the rows the file gave
 * before (those found again in a recorded import left in `compareVersions`).
 */
export async function settleBatch(
  tx: Db,
  batch: { readonly digest: string; readonly flows: number; readonly totals: unknown },
  held: HeldRows | undefined,
  compared: Compared | undefined,
  carried: TotalsSum,
): Promise<SettledBatch> {
  for (const total of batch.totals as readonly FlowTotal[]) carried.addTotal(total);
  let flows = batch.flows - (compared?.sameFlows ?? 0);
  if (held && held.repeated.size > 0) {
    const mine = linesByRow(await readContent(tx, batch.digest));
    for (const row of held.repeated)
      for (const line of mine.get(row) ?? []) {
        carried.removeFlow(totalledFlow(line));
        flows -= 1;
      }
  }
  return {
    flows,
    repeatedRows: [...(held?.repeated ?? []), ...(compared?.same ?? [])].sort((a, b) => a - b),
    amendedRows: [...(compared?.amended ?? [])].sort((a, b) => a.row - b.row),
    amendedFlows: compared?.amendedFlows ?? 0,
  };
}
