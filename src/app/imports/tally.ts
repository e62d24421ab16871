/**
 * What reading a file finds, row by row: rows read, flows, the refused rows (the first MAX_ERRORS of them, and how
 * many in all) and the organisations named.
 */

import { DomainError } from '../../domain/errors.ts';
import type { KeyedFlows } from '../../domain/flow/batch.ts';
import { checkFlow } from '../../domain/flow/flow.ts';
import { MAX_ERRORS } from './runs.ts';
import type { NewOrganisation, ReadRow, RowError } from './types.ts';

export class RowTally {
  rowsRead = 0;
  flows = 0;
  errorCount = 0;
  readonly errors: RowError[] = [];
  readonly organisations = new Map<string, NewOrganisation>();

  /** Counts a row: its flows when every one of them is good, null when the row is refused. */
  take(read: ReadRow): KeyedFlows | null {
    this.rowsRead += 1;
    const checked = 'error' in read ? read : checkRow(read);
    if ('error' in checked) {
      this.refuse(checked.error);
      return null;
    }
    // The first row that names an organisation decides what it is registered as.
    for (const organisation of checked.organisations ?? [])
      if (!this.organisations.has(organisation.id)) this.organisations.set(organisation.id, organisation);
    this.flows += checked.flows.length;
    return checked;
  }

  /** Counts a refused row (or a file that cannot be read further). */
  refuse(error: RowError): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_ERRORS) this.errors.push(error);
  }
}

function checkRow(read: Extract<ReadRow, { flows: unknown }>): ReadRow {
  try {
    for (const flow of read.flows) checkFlow(flow);
    return read;
  } catch (error) {
    if (error instanceof DomainError)
      return { row: read.row, error: { row: read.row, column: error.field ?? null, reason: error.message } };
    throw error;
  }
}
