/** The tracker formats `tranche import` and `POST /api/imports/:format` read. */
import type { Db } from '../../db/index.ts';
import { invalid } from '../../domain/errors.ts';
import { importContext } from './context.ts';
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
  const context = await importContext(db);
  switch (name) {
    case 'kiel':
      return kielFormat(file, context);
    case 'fts':
      return ftsFormat(file, context);
    default:
      throw invalid('format-unknown', 'format', `the format is one of ${ALL_IMPORT_FORMATS.join(', ')}`);
  }
}
