/**
 * Who may read which row, in SQL: the twin of `mayRead` (domain/access.ts) for the read models, so that a list, a
 * detail, an export and a timeline filter in the database by the same rule. Which visibilities a scope reads outright
 * and which only as a party are asked of `mayRead` itself; the SQL adds only where each record keeps its parties.
 *
 *   db.selectFrom('rm_packages as p').selectAll('p').where(packageVisible(scope, 'p'))
 */
import { type Expression, type RawBuilder, sql } from 'kysely';
import { aggregateVisibilities, mayRead, type ReadScope } from '../../domain/access.ts';
import { VISIBILITIES } from '../../domain/facts.ts';

/** A record's parties as SQL: true when one of them is among `organisations` (a text[] parameter). */
export type Parties = (organisations: RawBuilder<string[]>) => RawBuilder<boolean>;

const or = (tests: readonly RawBuilder<boolean>[]): RawBuilder<boolean> =>
  tests.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(tests, sql` OR `)})`;
const and = (...tests: readonly RawBuilder<boolean>[]): RawBuilder<boolean> =>
  sql<boolean>`(${sql.join(tests, sql` AND `)})`;

/** Parties held in columns of the row, one organisation id (or null) each. */
const partyColumns =
  (...columns: readonly string[]): Parties =>
  (organisations) =>
    or(columns.map((column) => sql<boolean>`${sql.ref(column)} = ANY(${organisations})`));

/** Parties held in a text[] column of the row. */
const partyArray =
  (column: string): Parties =>
  (organisations) =>
    sql<boolean>`${sql.ref(column)} && ${organisations}`;

const allOf =
  (...parties: readonly Parties[]): Parties =>
  (organisations) =>
    or(parties.map((each) => each(organisations)));

/**
 * True for the rows the scope may read: their visibility is one `mayRead` grants outright, or one it grants to a
 * party and one of the row's `parties` (null: the record names none) is among the scope's organisations.
 */
function visibleTo(
  scope: ReadScope,
  visibility: string | Expression<string>,
  parties: Parties | null,
): RawBuilder<boolean> {
  const open = VISIBILITIES.filter((each) => mayRead(scope, each, []));
  if (open.length === VISIBILITIES.length) return sql<boolean>`true`;
  const column = typeof visibility === 'string' ? sql.ref(visibility) : visibility;
  const outright = sql<boolean>`${column} = ANY(${[...open]}::text[])`;
  const asParty =
    parties === null || scope.organisations.length === 0
      ? []
      : VISIBILITIES.filter((each) => !open.includes(each) && mayRead(scope, each, scope.organisations));
  if (asParty.length === 0) return outright;
  const organisations = sql<string[]>`${[...scope.organisations]}::text[]`;
  return sql<boolean>`(${outright} OR (${column} = ANY(${asParty}::text[]) AND ${parties?.(organisations)}))`;
}

/** True for the rows of a rollup (keyed by visibility) that the scope's aggregates are computed from. */
export function aggregatedFor(scope: ReadScope, visibility: string | Expression<string>): RawBuilder<boolean> {
  const column = typeof visibility === 'string' ? sql.ref(visibility) : visibility;
  const visibilities = aggregateVisibilities(scope);
  if (visibilities.length === VISIBILITIES.length) return sql<boolean>`true`;
  return sql<boolean>`${column} = ANY(${[...visibilities]}::text[])`;
}

// The parties of each kind of record. Subqueries use aliases of their own (vis_…), apart from any a caller uses.

/** A package: its recipient, coordinator and supplier, and the donors of its contributions. */
const packageParties = (alias: string): Parties =>
  allOf(
    partyColumns(`${alias}.recipient_id`, `${alias}.coordinator_id`, `${alias}.supplier_id`),
    (organisations) => sql<boolean>`EXISTS (SELECT 1 FROM rm_contributions vis_pc
      WHERE vis_pc.package_id = ${sql.ref(`${alias}.id`)} AND vis_pc.donor_id = ANY(${organisations}))`,
  );

/** A contribution: its donor, and its package's recipient, coordinator and supplier. */
const contributionParties = (alias: string): Parties =>
  allOf(
    partyColumns(`${alias}.donor_id`),
    (organisations) => sql<boolean>`EXISTS (SELECT 1 FROM rm_packages vis_cp
      WHERE vis_cp.id = ${sql.ref(`${alias}.package_id`)} AND ${partyColumns('vis_cp.recipient_id', 'vis_cp.coordinator_id', 'vis_cp.supplier_id')(organisations)})`,
  );

/** A claim: the donors it names, and the parties of its subject (a package or a contribution). */
const claimParties = (alias: string): Parties =>
  allOf(partyArray(`${alias}.donor_ids`), (organisations) =>
    or([
      sql<boolean>`(${sql.ref(`${alias}.subject_type`)} = 'package' AND EXISTS (SELECT 1 FROM rm_packages vis_sp
        WHERE vis_sp.id = ${sql.ref(`${alias}.subject_id`)} AND ${packageParties('vis_sp')(organisations)}))`,
      sql<boolean>`(${sql.ref(`${alias}.subject_type`)} = 'contribution' AND EXISTS (SELECT 1 FROM rm_contributions vis_sc
        WHERE vis_sc.id = ${sql.ref(`${alias}.subject_id`)} AND ${contributionParties('vis_sc')(organisations)}))`,
    ]),
  );

export const organisationVisible = (scope: ReadScope, alias: string): RawBuilder<boolean> =>
  visibleTo(scope, `${alias}.visibility`, partyColumns(`${alias}.id`));

/** A requirement or a priority list: its recipient is its party. */
export const recipientRecordVisible = (scope: ReadScope, alias: string): RawBuilder<boolean> =>
  visibleTo(scope, `${alias}.visibility`, partyColumns(`${alias}.recipient_id`));

export const packageVisible = (scope: ReadScope, alias: string): RawBuilder<boolean> =>
  visibleTo(scope, `${alias}.visibility`, packageParties(alias));

export const contributionVisible = (scope: ReadScope, alias: string): RawBuilder<boolean> =>
  visibleTo(scope, `${alias}.visibility`, contributionParties(alias));

/**
 * A source names no organisation: a restricted source is read only by those who read everything (operators,
 * auditors, the instance's administrators), whoever it concerns.
 */
export const sourceVisible = (scope: ReadScope, alias: string): RawBuilder<boolean> =>
  visibleTo(scope, `${alias}.visibility`, null);

/** A claim by its own visibility and parties, and only with its source: its sentence is the source's text. */
export const claimVisible = (scope: ReadScope, alias: string): RawBuilder<boolean> =>
  and(
    visibleTo(scope, `${alias}.visibility`, claimParties(alias)),
    sql<boolean>`EXISTS (SELECT 1 FROM rm_sources vis_cs
      WHERE vis_cs.id = ${sql.ref(`${alias}.source_id`)} AND ${sourceVisible(scope, 'vis_cs')})`,
  );

/** An import run names no organisation (its flows do, each): restricted ones only for those who read everything. */
export const importVisible = (scope: ReadScope, alias: string): RawBuilder<boolean> =>
  visibleTo(scope, `${alias}.visibility`, null);

/** The subject of a claim or a figure (a package or a contribution), when the scope may read it. */
export function subjectVisible(
  scope: ReadScope,
  type: string | Expression<string>,
  id: string | Expression<string>,
): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const subjectType = typeof type === 'string' ? sql.ref(type) : type;
  const subjectId = typeof id === 'string' ? sql.ref(id) : id;
  return or([
    sql<boolean>`(${subjectType} = 'package' AND EXISTS (SELECT 1 FROM rm_packages vis_subject_p
      WHERE vis_subject_p.id = ${subjectId} AND ${packageVisible(scope, 'vis_subject_p')}))`,
    sql<boolean>`(${subjectType} = 'contribution' AND EXISTS (SELECT 1 FROM rm_contributions vis_subject_c
      WHERE vis_subject_c.id = ${subjectId} AND ${contributionVisible(scope, 'vis_subject_c')}))`,
  ]);
}

/**
 * An event (`alias`: a row of `events`) by its meta.visibility and the parties of the record its stream holds: an
 * event carries its record's visibility, so it is read exactly when its record is. A claim's events also need the
 * claim's source, and a figure's (always public: a figure has no visibility of its own) its subject.
 */
export function eventVisible(scope: ReadScope, alias: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const type = sql.ref(`${alias}.stream_type`);
  const entity = sql<string>`substr(${sql.ref(`${alias}.stream_id`)}, length(${type}) + 2)`;
  const parties: Parties = (organisations) =>
    or([
      sql<boolean>`(${type} = 'organisation' AND ${entity} = ANY(${organisations}))`,
      sql<boolean>`(${type} = 'requirement' AND EXISTS (SELECT 1 FROM rm_requirements vis_er
        WHERE vis_er.id = ${entity} AND vis_er.recipient_id = ANY(${organisations})))`,
      sql<boolean>`(${type} = 'priority-list' AND EXISTS (SELECT 1 FROM rm_priority_lists vis_el
        WHERE vis_el.recipient_id || ':' || vis_el.period = ${entity} AND vis_el.recipient_id = ANY(${organisations})))`,
      sql<boolean>`(${type} = 'package' AND EXISTS (SELECT 1 FROM rm_packages vis_ep
        WHERE vis_ep.id = ${entity} AND ${packageParties('vis_ep')(organisations)}))`,
      sql<boolean>`(${type} = 'contribution' AND EXISTS (SELECT 1 FROM rm_contributions vis_ec
        WHERE vis_ec.id = ${entity} AND ${contributionParties('vis_ec')(organisations)}))`,
      sql<boolean>`(${type} = 'claim' AND EXISTS (SELECT 1 FROM rm_claims vis_ek
        WHERE vis_ek.id = ${entity} AND ${claimParties('vis_ek')(organisations)}))`,
    ]);
  const data = sql.ref(`${alias}.data`);
  return and(
    visibleTo(scope, sql<string>`${sql.ref(`${alias}.meta`)}->>'visibility'`, parties),
    sql<boolean>`(${type} <> 'claim' OR EXISTS (SELECT 1 FROM rm_claims vis_eq JOIN rm_sources vis_es
      ON vis_es.id = vis_eq.source_id WHERE vis_eq.id = ${entity} AND ${sourceVisible(scope, 'vis_es')}))`,
    sql<boolean>`(${type} <> 'figure' OR ${subjectVisible(scope, sql<string>`${data}->'subject'->>'type'`, sql<string>`${data}->'subject'->>'id'`)})`,
  );
}
