/** The tracker formats `tranche import` and `POST /api/imports/:format` read. */
import type { Db } from '../../db/index.ts';
import { invalid } from '../../domain/errors.ts';
import { type ImportContextData, importContextData, importContextOf } from './context.ts';
import type { ImportFormat } from './engine.ts';
import { ftsFormat } from './fts.ts';
import { kielFormat } from './kiel.ts';

/** The formats that give flows, run by the flow engine (engine.ts). */
export const IMPORT_FORMATS = ['kiel', 'fts'] as const;
/** IATI activities give packages and contributions instead, through the use cases (iati.ts). */
export const IATI_FORMAT = 'iati';
/** Every format `tranche import` reads. */
export const ALL_IMPORT_FORMATS = [...IMPORT_FORMATS, IATI_FORMAT] as const;

export async function importFormat(db: Db, name: string, file: string): Promise<ImportFormat> {
  return formatOf(name, file, await importContextData(db));
}

/**
 * A format from its name and the ledger's part of its context, plain data: what a reading thread (split.ts) builds
 * the same format again from.
 */
export async function formatOf(name: string, file: string, data: ImportContextData): Promise<ImportFormat> {
  const context = importContextOf(data);
  let format: ImportFormat;
  switch (name) {
    case 'kiel':
      format = await kielFormat(file, context);
      break;
    case 'fts':
      format = await ftsFormat(file, context);
      break;
    default:
      throw invalid('format-unknown', 'format', `the format is one of ${ALL_IMPORT_FORMATS.join(', ')}`);
  }
  return { ...format, rebuild: { name, file, context: data } };
}
