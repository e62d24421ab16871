import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { trimDecimal } from './common.ts';
import { claimVisible, sourceVisible, subjectVisible } from './visibility.ts';

export interface ClaimView {
  id: string;
  sourceId: string;
  subject: { type: string; id: string } | null;
  donorIds: string[];
  stage: string;
  amount: MoneyJson | null;
  statedOn: string | null;
  sentence: string;
  linkedEventIds: string[];
  visibility: string;
  source: { publisher: string; title: string; url: string | null; publishedOn: string | null; language: string };
}

/** Reported values of one figure side by side, each with its source, and the one a curator adopted. */
export interface FigureView {
  subject: { type: string; id: string };
  stage: string;
  claims: ClaimView[];
  adopted: { claimId: string | null; low: MoneyJson; high: MoneyJson; note: string | null; adoptedOn: string } | null;
}

/** The claims the reader may see (with their sources, which claimVisible asks for too). */
function claimQuery(db: Db, scope: ReadScope) {
  return db
    .selectFrom('rm_claims as c')
    .innerJoin('rm_sources as s', 's.id', 'c.source_id')
    .selectAll('c')
    .select(['s.publisher', 's.title', 's.url', 's.published_on', 's.language'])
    .where(claimVisible(scope, 'c'));
}

type ClaimRow = Awaited<ReturnType<ReturnType<typeof claimQuery>['execute']>>[number];

/** Whether the reader may see a claim's or a figure's subject: a package or a contribution. */
async function subjectReadable(db: Db, scope: ReadScope, subject: { type: string; id: string }): Promise<boolean> {
  if (scope.all) return true;
  const { rows } = await sql<{ visible: boolean }>`
    SELECT ${subjectVisible(scope, sql<string>`${subject.type}::text`, sql<string>`${subject.id}::text`)} AS visible
  `.execute(db);
  return rows[0]?.visible === true;
}

function toClaim(row: ClaimRow): ClaimView {
  return {
    id: row.id,
    sourceId: row.source_id,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    donorIds: row.donor_ids,
    stage: row.stage,
    amount: row.amount !== null && row.currency ? { amount: trimDecimal(row.amount), currency: row.currency } : null,
    statedOn: row.stated_on,
    sentence: row.sentence,
    linkedEventIds: row.linked_event_ids,
    visibility: row.visibility,
    source: {
      publisher: row.publisher,
      title: row.title,
      url: row.url,
      publishedOn: row.published_on,
      language: row.language,
    },
  };
}

/**
 * Every figure reported about a subject (a package or a contribution) that the reader may see, stage by stage, with
 * the claims the reader may see; an adopted figure names its claim only when the reader may see that claim.
 */
export async function figuresFor(
  db: Db,
  scope: ReadScope,
  subject: { type: string; id: string },
): Promise<FigureView[]> {
  if (!(await subjectReadable(db, scope, subject))) return [];
  const [claims, adopted] = await Promise.all([
    claimQuery(db, scope)
      .where('c.subject_type', '=', subject.type)
      .where('c.subject_id', '=', subject.id)
      .orderBy('c.stage')
      .orderBy('c.amount')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('rm_figures')
      .selectAll()
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .execute(),
  ]);
  const stages = [...new Set([...claims.map((c) => c.stage), ...adopted.map((a) => a.stage)])];
  return stages.map((stage) => {
    const figure = adopted.find((a) => a.stage === stage);
    return {
      subject,
      stage,
      claims: claims.filter((c) => c.stage === stage).map(toClaim),
      adopted: figure
        ? {
            claimId: scope.all || claims.some((c) => c.id === figure.claim_id) ? figure.claim_id : null,
            low: { amount: trimDecimal(figure.low_amount), currency: figure.currency },
            high: { amount: trimDecimal(figure.high_amount), currency: figure.currency },
            note: figure.note,
            adoptedOn: figure.adopted_on,
          }
        : null,
    };
  });
}

export interface SourceView {
  id: string;
  url: string | null;
  publisher: string;
  author: string | null;
  publishedOn: string | null;
  language: string;
  title: string;
  storyId: string | null;
  visibility: string;
  recordedAt: string;
  claims: ClaimView[];
  text?: string;
}

export interface SourceFilter {
  id?: string | undefined;
  language?: string | undefined;
  storyId?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The feed of sources the reader may see, newest first, each with the claims taken from it that the reader may see. */
export async function listSources(db: Db, scope: ReadScope, filter: SourceFilter = {}): Promise<SourceView[]> {
  let query = db
    .selectFrom('rm_sources')
    .where(sourceVisible(scope, 'rm_sources'))
    .select([
      'id',
      'url',
      'publisher',
      'author',
      'published_on',
      'language',
      'title',
      'story_id',
      'visibility',
      'recorded_at',
    ])
    .orderBy('published_on', (ob) => ob.desc().nullsLast())
    .orderBy('id')
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.language) query = query.where('language', '=', filter.language);
  // A source without a story id tells its own story: its id is the story's.
  if (filter.storyId) query = query.where(sql<string>`coalesce(story_id, id)`, '=', filter.storyId);
  const sources = await query.execute();
  if (sources.length === 0) return [];
  const claims = await claimQuery(db, scope)
    .where(
      'c.source_id',
      'in',
      sources.map((source) => source.id),
    )
    .orderBy('c.id')
    .execute();
  return sources.map((source) => ({
    id: source.id,
    url: source.url,
    publisher: source.publisher,
    author: source.author,
    publishedOn: source.published_on,
    language: source.language,
    title: source.title,
    storyId: source.story_id,
    visibility: source.visibility,
    recordedAt: new Date(source.recorded_at).toISOString(),
    claims: claims.filter((claim) => claim.source_id === source.id).map(toClaim),
  }));
}

/** One source with its full text and claims, if the reader may see it. */
export async function getSource(
  db: Db,
  scope: ReadScope,
  id: string,
): Promise<(SourceView & { text: string }) | undefined> {
  const [view] = await listSources(db, scope, { id });
  if (!view) return undefined;
  const row = await db.selectFrom('rm_sources').select('body').where('id', '=', id).executeTakeFirst();
  return row ? { ...view, text: row.body } : undefined;
}

/** One claim with its source, if the reader may see it. */
export async function getClaim(db: Db, scope: ReadScope, id: string): Promise<ClaimView | undefined> {
  const row = await claimQuery(db, scope).where('c.id', '=', id).executeTakeFirst();
  return row ? toClaim(row) : undefined;
}
