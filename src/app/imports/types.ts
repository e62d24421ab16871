/** What the import engine and the formats share: rows as a format reads them, options, and the report. */
import type { Readable } from 'node:stream';
import type { Basis, Visibility } from '../../domain/facts.ts';
import type { FlowRecord } from '../../domain/flow/flow.ts';
import type { ImportContextData } from './context.ts';

/** One row as a format reads it: the flows and organisations it gives, or why it is refused. */
export type ReadRow =
  | {
      readonly row: number;
      /** The row's identity across files (`kiel-r29:de:2025-03`, `fts:228238`): a second row with it adds nothing. */
      readonly key: string;
      readonly flows: readonly FlowRecord[];
      readonly organisations?: readonly NewOrganisation[];
    }
  | { readonly row: number; readonly error: RowError };

export interface RowError {
  readonly row: number;
  readonly column: string | null;
  readonly reason: string;
}

/** An organisation a row names that the ledger may not hold yet: registered by the import when it does not. */
export interface NewOrganisation {
  readonly id: string;
  readonly data: Record<string, unknown>;
}

/** What a format gives the engine: how to read rows, and the dataset release they come from. */
export interface ImportFormat {
  readonly name: string;
  readonly basis: Basis;
  /** The source record of the dataset release (registered by the import when the ledger lacks it). */
  readonly source: { readonly id: string; readonly data: Record<string, unknown> } | null;
  readonly release: string | null;
  /** The rows of the file, an array per chunk of it: one `await` per chunk, not per row. */
  read(input: Readable, file: string): AsyncIterable<readonly ReadRow[]>;
  /** How another thread builds the same format (formats.ts): a format without it is read by one thread. */
  readonly rebuild?: FormatRecipe;
}

/** A format as plain data: its name, the file it was made for, and the ledger's part of its context. */
export interface FormatRecipe {
  readonly name: string;
  readonly file: string;
  readonly context: ImportContextData;
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly skipInvalid?: boolean;
  readonly visibility?: Visibility;
  /** Flows per ledger event (and per staged batch). */
  readonly batchSize?: number;
  /**
   * Threads reading the file, a part each (split.ts). Unless given: one a core, at most four, for a file of 64 MiB or
   * more, and one for a smaller file.
   */
  readonly readThreads?: number;
  /** Called as the file is read: bytes read so far, of `total`, and rows read. */
  readonly onProgress?: (progress: { bytes: number; total: number; rows: number }) => void;
  /** Called once the file is staged, as the transaction that records it on the ledger begins. */
  readonly onRecording?: (batches: number) => void;
}

export interface ImportReport {
  readonly importId: string;
  readonly file: string;
  readonly dryRun: boolean;
  /** The file was imported before: nothing new was created. */
  readonly alreadyImported: boolean;
  /** Batches an earlier, interrupted run had staged, which this run took over. */
  readonly resumedBatches: number;
  readonly rowsRead: number;
  readonly flows: number;
  /** Flows whose ids the ledger already holds (from another import of the same data): not recorded again. */
  readonly existingFlows: number;
  /** Flows of rows that amend what an earlier import recorded for them (a later status or amount), replacing it. */
  readonly amendedFlows: number;
  readonly newOrganisations: readonly string[];
  readonly errors: readonly RowError[];
  /** How many rows were refused in all (the list keeps the first 1,000). */
  readonly errorCount: number;
  readonly written: boolean;
  /** Nothing was (or, in a dry run, would be) imported because rows were refused or the file cannot be read. */
  readonly refused: boolean;
}
