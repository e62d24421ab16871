/**
 * What every format reader yields: per row (CSV) or per activity (XML), a record or the reason it was refused, with
 * where it is in the file. A problem with the file as a whole (wrong header, broken quoting, XML that is not
 * well-formed) is thrown as a FormatError instead: nothing after it can be read.
 */

/** Why one row was refused: the column at fault (null when the row as a whole is wrong) and a sentence. */
export interface RowError {
  readonly column: string | null;
  readonly reason: string;
}

/** `row` is the physical line the row starts on; the header is line 1. */
export type RowResult<T> =
  | { readonly row: number; readonly record: T }
  | { readonly row: number; readonly error: RowError };

/** A file that cannot be read any further, with the line where reading stopped when it is known. */
export class FormatError extends Error {
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'FormatError';
    this.line = line;
  }
}
