import { type ControlledTransaction, type RawBuilder, sql } from 'kysely';
import type { Db, Schema } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import { PROJECTION_TABLES } from '../tables.ts';
import { ROW, scopedTable } from './export-scope.ts';
import { IMPORTED_FLOW_COLUMNS, type ImportedFlow, importedFlows } from './imported-flows.ts';
import { eventVisible } from './visibility.ts';

/**
 * What can be exported: every read-model table, by its name in the database, and `rm_flows`, the imported flows one
 * by one, which are read from the ledger rather than kept in a table (imported-flows.ts).
 */
export type ReadModelTable = (typeof PROJECTION_TABLES)[number] | 'rm_flows';

/** Every exportable table, in export order: the flows beside their totals. */
export const EXPORT_TABLES: readonly ReadModelTable[] = PROJECTION_TABLES.flatMap((table): ReadModelTable[] =>
  table === 'rm_flow_totals' ? ['rm_flows', table] : [table],
);

/** The name exports use for a table: its own without `rm_` (`rm_packages` → `packages`). */
export const exportName = (table: ReadModelTable): string => table.replace(/^rm_/, '');

/** `packages` or `rm_packages` → `rm_packages`; undefined for a name that is no read model. */
export const readModelTable = (name: string): ReadModelTable | undefined =>
  EXPORT_TABLES.find((table) => table === name || exportName(table) === name);

/**
 * How a column's values are written. Numbers arrive as decimal strings (bigint, numeric) or, for 32-bit integers,
 * as JS numbers; dates as `YYYY-MM-DD`; timestamps as Date; text[] as string[]; jsonb parsed.
 */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'array' | 'json';

const KIND_OF_TYPE: Readonly<Record<string, ColumnKind>> = {
  text: 'text',
  varchar: 'text',
  bpchar: 'text',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  numeric: 'number',
  bool: 'boolean',
  date: 'date',
  timestamptz: 'timestamp',
  _text: 'array',
  _varchar: 'array',
  json: 'json',
  jsonb: 'json',
};

export interface ExportColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Digits after the point of a number column: 0 for integers, null for a numeric without a declared scale. */
  readonly scale: number | null;
}

export type ExportRow = Readonly<Record<string, unknown>>;

/** The ledger position an export reflects: for a reader who does not read everything, the last event they may see. */
export interface LedgerHead {
  readonly seq: number;
  readonly hash: string;
}

/** One table of a snapshot: its columns in table order, and its rows a page at a time in the order of its key. */
export interface SnapshotTable {
  /** The export name (`packages`). */
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  pages(): AsyncGenerator<readonly ExportRow[]>;
  /** The number columns whose every value has at most `digits` significant digits (a spreadsheet keeps 15). */
  numbersWithin(digits: number): Promise<ReadonlySet<string>>;
}

/** Read models as of one ledger head: every table read in the same REPEATABLE READ, read-only transaction. */
export interface ExportSnapshot {
  readonly ledgerHead: LedgerHead;
  /** The snapshot's transaction, for exports that read with queries of their own (read only). */
  readonly db: Db;
  table(table: ReadModelTable): Promise<SnapshotTable>;
  /** Ends the transaction; safe to call twice. */
  close(): Promise<void>;
}

interface CatalogColumn {
  name: string;
  type: string;
  sql_type: string;
  scale: number | null;
  key_position: string | null;
}

/** The key a page resumes after: each key column's value as text, cast back to its type in the next query. */
const CURSOR = '__export_cursor';

/**
 * Opens a snapshot of the read models as the reader may see them (export-scope.ts). The head is read first, so the
 * snapshot (taken by the first query of a REPEATABLE READ transaction) holds exactly the read models of that head: a
 * write committed meanwhile is not seen. A reader who does not read everything is told the last event they may see
 * instead of the head, which would show when records hidden from them change.
 */
export async function openExportSnapshot(db: Db, scope: ReadScope, pageSize = 1000): Promise<ExportSnapshot> {
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= trx.isCommitted || trx.isRolledBack ? Promise.resolve() : trx.commit().execute();
    return closed;
  };
  try {
    const head = await trx.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const seen = scope.all
      ? head
      : ((await trx
          .selectFrom('events as e')
          .select(['e.seq', 'e.hash'])
          .where('e.seq', '<=', head.seq)
          .where(eventVisible(scope, 'e'))
          .orderBy('e.seq', 'desc')
          .limit(1)
          .executeTakeFirst()) ?? { seq: '0', hash: '0'.repeat(64) });
    return {
      ledgerHead: { seq: Number(seen.seq), hash: seen.hash },
      db: trx,
      table: (table) =>
        table === 'rm_flows' ? Promise.resolve(flowsTable(trx, scope)) : snapshotTable(trx, scope, table, pageSize),
      close,
    };
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}

/** The imported flows as a table: read from the ledger's batches, in ledger order. */
function flowsTable(trx: ControlledTransaction<Schema>, scope: ReadScope): SnapshotTable {
  const columns = IMPORTED_FLOW_COLUMNS.map(
    ({ name, number }): ExportColumn =>
      number ? { name, kind: 'number', scale: name === 'origin_row' ? 0 : 10 } : { name, kind: 'text', scale: null },
  );
  const pages = () => importedFlows(trx, scope);
  async function numbersWithin(digits: number): Promise<ReadonlySet<string>> {
    const numbers = new Set(columns.filter((column) => column.kind === 'number').map((column) => column.name));
    for await (const page of pages()) {
      for (const flow of page) {
        for (const name of numbers) {
          const value = flow[name as keyof ImportedFlow];
          if (typeof value === 'string' && significantDigits(value) > digits) numbers.delete(name);
        }
      }
    }
    return numbers;
  }
  return { name: 'flows', columns, pages, numbersWithin };
}

/** The digits without the point, less leading and trailing zeros (500000000.00 has one). */
const significantDigits = (value: string): number =>
  value
    .replace(/^-/, '')
    .replace('.', '')
    .replace(/^0+|0+$/g, '').length;

async function snapshotTable(
  trx: ControlledTransaction<Schema>,
  scope: ReadScope,
  table: Exclude<ReadModelTable, 'rm_flows'>,
  pageSize: number,
): Promise<SnapshotTable> {
  const { rows: catalog } = await sql<CatalogColumn>`
    SELECT a.attname AS name, t.typname AS type, format_type(a.atttypid, a.atttypmod) AS sql_type,
           CASE WHEN t.typname IN ('int2', 'int4', 'int8') THEN 0
                WHEN t.typname = 'numeric' AND a.atttypmod >= 4 THEN (a.atttypmod - 4) & 65535 END AS scale,
           (SELECT k.n FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
             WHERE c.conrelid = a.attrelid AND c.contype = 'p' AND k.attnum = a.attnum) AS key_position
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
    WHERE a.attrelid = to_regclass(${table}::text) AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attnum
  `.execute(trx);
  if (catalog.length === 0) throw new Error(`export: no table ${table} in the current schema`);
  const columns = catalog.map((column): ExportColumn => {
    const kind = KIND_OF_TYPE[column.type];
    if (!kind) throw new Error(`export: ${table}.${column.name} is of type ${column.sql_type}, which no export writes`);
    return { name: column.name, kind, scale: column.scale };
  });
  const key = catalog
    .filter((column) => column.key_position !== null)
    .sort((a, b) => Number(a.key_position) - Number(b.key_position));
  if (key.length === 0) throw new Error(`export: ${table} has no primary key to page it by`);
  const keyList = sql.join(key.map((column) => sql.ref(`${ROW}.${column.name}`)));
  const source = sourceFor(table, scope, catalog);

  async function* pages(): AsyncGenerator<readonly ExportRow[]> {
    let after: readonly string[] | undefined;
    while (true) {
      const where: RawBuilder<unknown> = after
        ? sql`WHERE (${keyList}) > (${sql.join(key.map((column, i) => sql`CAST(${after?.[i]} AS ${sql.raw(column.sql_type)})`))})`
        : sql``;
      const { rows } = await sql<Record<string, unknown>>`
        SELECT *, ARRAY[${sql.join(key.map((column) => sql`${sql.ref(`${ROW}.${column.name}`)}::text`))}] AS ${sql.ref(CURSOR)}
        FROM ${source} ${where} ORDER BY ${keyList} LIMIT ${pageSize}
      `.execute(trx);
      if (rows.length === 0) return;
      after = cursorOf(rows[rows.length - 1]);
      yield rows.map(({ [CURSOR]: _cursor, ...row }) => row);
      if (rows.length < pageSize) return;
    }
  }

  async function numbersWithin(digits: number): Promise<ReadonlySet<string>> {
    const numbers = columns.filter((column) => column.kind === 'number');
    if (numbers.length === 0) return new Set();
    // Significant digits: the digits without the point, less leading and trailing zeros (500000000.00 has one).
    const checks = numbers.map(
      (column) =>
        sql`bool_and(${sql.ref(column.name)} IS NULL OR length(trim(both '0' from replace(abs(${sql.ref(column.name)})::text, '.', ''))) <= ${digits})`,
    );
    const { rows } = await sql<{ within: (boolean | null)[] }>`
      SELECT ARRAY[${sql.join(checks)}] AS within FROM ${source}
    `.execute(trx);
    const within = rows[0]?.within ?? [];
    // An empty table (bool_and of nothing is null) has no value a spreadsheet would change.
    return new Set(numbers.filter((_, i) => within[i] !== false).map((column) => column.name));
  }

  return { name: exportName(table), columns, pages, numbersWithin };
}

/**
 * The table as the reader sees it: the rows the reader may see, with the columns computed for the reader
 * (export-scope.ts), under the alias ROW; the table itself for a reader who reads everything.
 */
function sourceFor(
  table: Exclude<ReadModelTable, 'rm_flows'>,
  scope: ReadScope,
  catalog: readonly CatalogColumn[],
): RawBuilder<unknown> {
  if (scope.all) return sql`${sql.table(table)} AS ${sql.table(ROW)}`;
  const scoped = scopedTable(table, scope);
  const select = sql.join(
    catalog.map((column) => {
      const computed = scoped.columns[column.name];
      return computed ? sql`${computed} AS ${sql.ref(column.name)}` : sql.ref(`${ROW}.${column.name}`);
    }),
  );
  return sql`(SELECT ${select} FROM ${sql.table(table)} AS ${sql.table(ROW)} WHERE ${scoped.where}) AS ${sql.table(ROW)}`;
}

function cursorOf(row: Record<string, unknown> | undefined): readonly string[] {
  const cursor = row?.[CURSOR];
  if (!Array.isArray(cursor) || !cursor.every((value) => typeof value === 'string')) {
    throw new Error('export: a page came back without its cursor');
  }
  return cursor;
}
