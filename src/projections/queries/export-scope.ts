/**
 * What an export of each read model holds for a reader: the rows the reader may see (the same rules as the API's
 * queries), and the columns kept over every visibility recomputed from what the reader may see. A reader who reads
 * everything (the CLI's operator, an auditor) gets every table exactly as stored.
 */
import { type RawBuilder, sql } from 'kysely';
import type { ReadScope } from '../../domain/access.ts';
import type { PROJECTION_TABLES } from '../tables.ts';
import {
  FUNDING_COLUMNS,
  packageDonors,
  packageFunding,
  visibleMembers,
  visibleRequirementIds,
} from './scoped-columns.ts';
import {
  aggregatedFor,
  claimVisible,
  contributionVisible,
  eventVisible,
  importVisible,
  organisationVisible,
  packageVisible,
  recipientRecordVisible,
  sourceVisible,
  subjectVisible,
} from './visibility.ts';

type Table = (typeof PROJECTION_TABLES)[number];

/** The alias the table's row has in the export's query. */
export const ROW = 'export_row';

export interface ScopedTable {
  /** The rows the reader may see. */
  readonly where: RawBuilder<boolean>;
  /** Columns computed for the reader in place of the stored ones. */
  readonly columns: Readonly<Record<string, RawBuilder<unknown>>>;
}

const column = (name: string): string => `${ROW}.${name}`;
const exists = (table: string, alias: string, on: RawBuilder<boolean>, visible: RawBuilder<boolean>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} AS ${sql.table(alias)} WHERE ${on} AND ${visible})`;

/** The package a row belongs to (lines, shipments, receipts) is one the reader may see. */
const ofVisiblePackage = (scope: ReadScope): RawBuilder<boolean> =>
  exists('rm_packages', 'vis_xp', sql`vis_xp.id = ${sql.ref(column('package_id'))}`, packageVisible(scope, 'vis_xp'));

/** The event behind a row (by its id or its seq) is one the reader may see. */
const ofVisibleEvent = (scope: ReadScope, by: 'event_id' | 'seq'): RawBuilder<boolean> =>
  exists('events', 'vis_xe', sql`${sql.ref(`vis_xe.${by}`)} = ${sql.ref(column(by))}`, eventVisible(scope, 'vis_xe'));

const ofVisibleSource = (scope: ReadScope): RawBuilder<boolean> =>
  exists('rm_sources', 'vis_xs', sql`vis_xs.id = ${sql.ref(column('source_id'))}`, sourceVisible(scope, 'vis_xs'));

/** Rows kept over every visibility (the totals, which a reader sees only summed) count in the reader's aggregates. */
const aggregated = (scope: ReadScope): ScopedTable => ({
  where: aggregatedFor(scope, column('visibility')),
  columns: {},
});
const rows = (where: RawBuilder<boolean>): ScopedTable => ({ where, columns: {} });

/**
 * The rows and columns of `table` for the reader. People, their roles and tokens are restricted records of no
 * organisation: only a reader who reads everything exports them.
 */
export function scopedTable(table: Table, scope: ReadScope): ScopedTable {
  switch (table) {
    case 'rm_organisations':
      return {
        where: organisationVisible(scope, ROW),
        columns: { members: visibleMembers(scope, ROW) },
      };
    case 'rm_requirements':
      return rows(recipientRecordVisible(scope, ROW));
    case 'rm_priority_lists':
      return {
        where: recipientRecordVisible(scope, ROW),
        columns: { requirement_ids: visibleRequirementIds(scope, ROW) },
      };
    case 'rm_packages':
      return {
        where: packageVisible(scope, ROW),
        columns: {
          donor_ids: packageDonors(scope, ROW),
          ...Object.fromEntries(
            FUNDING_COLUMNS.map((name) => [name, sql`${packageFunding(scope, ROW, name)}::bigint`]),
          ),
        },
      };
    case 'rm_package_lines':
    case 'rm_shipments':
    case 'rm_receipts':
      return rows(ofVisiblePackage(scope));
    case 'rm_contributions':
      return rows(contributionVisible(scope, ROW));
    case 'rm_donor_totals':
    case 'rm_totals_stage':
    case 'rm_totals_donor':
    case 'rm_totals_month':
    case 'rm_totals_category':
    case 'rm_totals_donor_month':
    case 'rm_delivery_lags':
    case 'rm_flow_totals':
      return aggregated(scope);
    case 'rm_sources':
      return rows(sourceVisible(scope, ROW));
    case 'rm_claims':
      return rows(claimVisible(scope, ROW));
    case 'rm_proposal_rejections':
      return rows(ofVisibleSource(scope));
    case 'rm_figures':
      return rows(subjectVisible(scope, column('subject_type'), column('subject_id')));
    case 'rm_evidence':
      return rows(
        sql<boolean>`(${ofVisibleEvent(scope, 'event_id')} AND ${ofVisibleSource(scope)} AND (${sql.ref(column('claim_id'))} = ''
          OR ${exists('rm_claims', 'vis_xc', sql`vis_xc.id = ${sql.ref(column('claim_id'))}`, claimVisible(scope, 'vis_xc'))}))`,
      );
    case 'rm_timeline':
      return rows(ofVisibleEvent(scope, 'seq'));
    case 'rm_imports':
      return rows(importVisible(scope, ROW));
    case 'rm_people':
    case 'rm_person_grants':
    case 'rm_tokens':
      return rows(scope.all ? sql<boolean>`true` : sql<boolean>`false`);
  }
}
