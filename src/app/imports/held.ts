/**
 * The rows of an import the ledger already holds: a row whose key a recorded import of the same format holds, or one
 * this file gave before. A row the file repeats adds nothing; a row a recorded import holds is compared, in the
 * recording transaction, with the version of its key that counts now (record.ts): the same flows add nothing, other
 * flows amend it.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Visibility } from '../../domain/facts.ts';
import {
  decodeLine,
  type FlowBatch,
  type FlowTotal,
  linesByRow,
  type RowAmendment,
  sameFlows,
  type TotalsSum,
} from '../../domain/flow/batch.ts';
import { readContent } from '../../ledger/contents.ts';

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
  const rows = await tx
    .selectFrom('events')
    .select(['seq', 'data', sql<Visibility>`meta->>'visibility'`.as('visibility')])
    .where('stream_type', '=', 'import')
    .where('type', '=', 'FlowsImported')
    .where(
      'stream_id',
      'in',
      importIds.map((id) => `import-${id}`),
    )
    .execute();
  for (const { seq, data, visibility } of rows) {
    const batch = data as FlowBatch;
    events.set(`${batch.importId}:${batch.batch}`, {
      seq: Number(seq),
      visibility,
      repeated: new Set(batch.repeatedRows),
    });
  }
  return events;
}

/**
 * Reads recorded versions of rows, as their lines in their batch's text, keeping the last few batches it read: an
 * import that follows another reads their batches mostly in order.
 */
export class VersionReader {
  readonly #batches = new Map<string, Map<number, string[]>>();

  constructor(
    private readonly tx: Db,
    private readonly kept = 8,
  ) {}

  async linesOf(version: RowVersion): Promise<readonly string[]> {
    const id = `${version.importId}:${version.batch}`;
    let rows = this.#batches.get(id);
    if (!rows) {
      const staged = await this.tx
        .selectFrom('flow_batches')
        .select('digest')
        .where('import_id', '=', version.importId)
        .where('batch', '=', version.batch)
        .executeTakeFirstOrThrow();
      rows = linesByRow(await readContent(this.tx, staged.digest));
      if (this.#batches.size >= this.kept) this.#batches.delete(this.#batches.keys().next().value ?? '');
      this.#batches.set(id, rows);
    }
    return rows.get(version.row) ?? [];
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
 * Settles a staged batch's rows the ledger holds, adding what it records to `carried`: a row whose recorded version
 * gives other flows amends it, and that version's flows leave the sums; a row giving the same flows, or one the file
 * gave before, is repeated, and its own flows leave them.
 */
export async function settleBatch(
  tx: Db,
  batch: { readonly digest: string; readonly flows: number; readonly totals: unknown },
  held: HeldRows | undefined,
  versions: VersionReader,
  carried: TotalsSum,
): Promise<SettledBatch> {
  const totals = batch.totals as readonly FlowTotal[];
  if (!held) {
    for (const total of totals) carried.addTotal(total);
    return { flows: batch.flows, repeatedRows: [], amendedRows: [], amendedFlows: 0 };
  }
  const mine = linesByRow(await readContent(tx, batch.digest));
  const repeated = new Set(held.repeated);
  const amended: RowAmendment[] = [];
  let amendedFlows = 0;
  for (const [row, version] of held.recorded) {
    const before = await versions.linesOf(version);
    const now = mine.get(row) ?? [];
    if (sameFlows(now, before)) {
      repeated.add(row);
      continue;
    }
    amended.push({ row, replaces: version });
    for (const line of before) carried.removeFlow(decodeLine(line));
    amendedFlows += now.length;
  }
  // The batch's totals less its repeated rows' flows; when most of it is repeated (a snapshot that follows another),
  // the sums of the rows left are fewer to make.
  const repeatedLines = [...repeated].flatMap((row) => mine.get(row) ?? []);
  if (repeatedLines.length * 2 > batch.flows) {
    for (const [row, lines] of mine)
      if (!repeated.has(row)) for (const line of lines) carried.addFlow(decodeLine(line));
  } else {
    for (const total of totals) carried.addTotal(total);
    for (const line of repeatedLines) carried.removeFlow(decodeLine(line));
  }
  return {
    flows: batch.flows - repeatedLines.length,
    repeatedRows: [...repeated].sort((a, b) => a - b),
    amendedRows: amended.sort((a, b) => a.row - b.row),
    amendedFlows,
  };
}
