import type { LedgerHead } from '../../projections/queries/export.ts';

/** What every export states about itself: when it was made, and the ledger head whose read models it holds. */
export interface ExportManifest {
  readonly exportedAt: string;
  readonly ledgerHead: LedgerHead;
}

/** `ledger seq 123, head 9f2c…`, for notes and the workbook's properties. */
export const describeHead = (manifest: ExportManifest): string =>
  `ledger seq ${manifest.ledgerHead.seq}, head ${manifest.ledgerHead.hash}`;
