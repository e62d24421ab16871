import type { ExportColumn } from '../../projections/queries/export.ts';

/** A JSON value as an export writes it. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const fault = (column: ExportColumn, value: unknown): Error =>
  new Error(`export: ${column.name} (${column.kind}) holds ${typeof value} ${String(value).slice(0, 40)}`);

/** A number as the database gives it (a decimal string, or a 32-bit integer) as its exact decimal string. */
function decimal(column: ExportColumn, value: unknown): string {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw fault(column, value);
}

function isoTimestamp(column: ExportColumn, value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  throw fault(column, value);
}

function isoDate(column: ExportColumn, value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  throw fault(column, value);
}

function stringArray(column: ExportColumn, value: unknown): readonly string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw fault(column, value);
}

/** jsonb as PostgreSQL parsed it, kept as recorded (its numbers are small counts, such as a line's quantity). */
function jsonOf(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map(jsonOf);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonOf(item)]));
  }
  throw new Error(`export: a JSON column holds ${typeof value}`);
}

/**
 * A value as text, the form CSV writes: numbers as exact decimal strings, dates `YYYY-MM-DD`, timestamps ISO 8601
 * (UTC), booleans `true`/`false`, arrays and JSON as JSON text; null stays null (CSV writes it empty).
 */
export function textValue(column: ExportColumn, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'text':
      if (typeof value === 'string') return value;
      throw fault(column, value);
    case 'number':
      return decimal(column, value);
    case 'boolean':
      if (typeof value === 'boolean') return String(value);
      throw fault(column, value);
    case 'date':
      return isoDate(column, value);
    case 'timestamp':
      return isoTimestamp(column, value);
    case 'array':
      return JSON.stringify(stringArray(column, value));
    case 'json':
      return JSON.stringify(jsonOf(value));
    default: {
      const never: never = column.kind;
      throw new Error(`export: no text form for ${String(never)}`);
    }
  }
}

/**
 * A value as JSON: the text form typed — numbers stay decimal strings (exact, whatever their size), booleans,
 * arrays and JSON columns stay themselves (a JSON column's content as recorded), null is null.
 */
export function jsonValue(column: ExportColumn, value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      throw fault(column, value);
    case 'array':
      return stringArray(column, value);
    case 'json':
      return jsonOf(value);
    default:
      return textValue(column, value);
  }
}
