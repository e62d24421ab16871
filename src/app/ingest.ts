import type { z } from 'zod';
import { type ReadScope, readScopeOf } from '../domain/access.ts';
import { invalid } from '../domain/errors.ts';
import type { Language } from '../domain/facts.ts';
import { checkUrl, type SourceCommand, sourceDecider } from '../domain/source/source.ts';
import { type StoryMatch, sameStory } from '../domain/source/story.ts';
import { extractArticle, extractionContract } from '../ingest/article.ts';
import { type DocumentText, readDocument } from '../ingest/document/index.ts';
import { extractClaims } from '../ingest/extract/index.ts';
import { storyCandidates } from '../projections/queries/stories.ts';
import { type CommandTx, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import type { extractSourceSchema, importSourceSchema } from './schemas.ts';

type ImportInput = z.infer<typeof importSourceSchema>;
type DocumentInput = z.infer<typeof extractSourceSchema>;

/** What an import answers: the command's result, the story the source was put in, and the version it matched. */
export interface ImportResult extends CommandResult {
  /** The story id the source was recorded with (null: it tells its own story). */
  readonly storyId: string | null;
  /** The version in another language that tells the same story, and how alike their facts are (0.5…1). */
  readonly groupedWith: { readonly sourceId: string; readonly score: number } | null;
}

const hintsOf = (input: DocumentInput) => ({
  ...(input.fileName ? { fileName: input.fileName } : {}),
  ...(input.contentType ? { contentType: input.contentType } : {}),
});

/** `www.reuters.com` → `reuters.com`. */
function hostOf(url: string | null): string | null {
  return url ? new URL(url).hostname.replace(/^www\./, '') || null : null;
}

/** The source's fields: what the request gives, else what the document says; the URL's host stands in as publisher. */
function sourceFields(input: ImportInput, document: DocumentText) {
  const url = checkUrl(input.url);
  if (document.text.trim() === '') throw invalid('text-empty', 'content', 'the document holds no text');
  const language: Language | null = input.language ?? document.language;
  if (!language) {
    throw invalid('language-unknown', 'language', 'the text is too short to tell its language: give it (uk, en or ru)');
  }
  const title = input.title?.trim() || document.title;
  if (!title) throw invalid('text-missing', 'title', 'the document states no title: give one (title)');
  const publisher = input.publisher?.trim() || document.publisher || hostOf(url);
  if (!publisher) {
    throw invalid('text-missing', 'publisher', 'the document names no publisher: give one (publisher) or its url');
  }
  return {
    url,
    language,
    title,
    publisher,
    author: input.author !== undefined ? input.author : document.author,
    publishedOn: input.publishedOn !== undefined ? input.publishedOn : document.published,
    text: document.text,
  };
}

/**
 * The recorded source in another language that tells the story this text tells, if one does: among the sources the
 * person recording it may see, since the answer names the version it matched.
 */
async function findStory(
  tx: CommandTx,
  scope: ReadScope,
  version: { id: string; language: Language; publishedOn: string | null; text: string },
): Promise<StoryMatch | null> {
  const facts = extractClaims(version.text, version.language);
  if (facts.length === 0) return null;
  const candidates = await storyCandidates(tx, scope, version);
  return sameStory(
    { ...version, facts },
    candidates.map((candidate) => ({ ...candidate, facts: extractClaims(candidate.text, candidate.language) })),
  );
}

/**
 * Records a source from a document (plain text or a saved HTML page: its main text only, never markup), through the
 * RecordSource command. Fields the request leaves out are read from the document. Without a story id, the source joins
 * the story of a recorded version in another language that states the same facts (see domain/source/story.ts); that
 * version's id becomes the story id when it had none, and nothing is recorded on it.
 */
export async function importSource(deps: AppDeps, request: RequestContext, input: ImportInput): Promise<ImportResult> {
  const fields = sourceFields(input, readDocument(input.content, hintsOf(input)));
  const id = input.id ?? deps.newId('src');
  const today = deps.clock().toISOString().slice(0, 10);
  const published = fields.publishedOn && fields.publishedOn <= today ? fields.publishedOn : undefined;
  const grouping: { ran: boolean; match: StoryMatch | null } = { ran: false, match: null };
  const storyId = () => (input.storyId === undefined ? (grouping.match?.storyId ?? null) : input.storyId);
  const result = await runCommand(
    deps,
    request,
    { ...input, occurredOn: input.occurredOn ?? published },
    {
      decider: sourceDecider,
      id,
      command: async (_state, tx): Promise<SourceCommand> => {
        grouping.ran = true;
        if (input.storyId === undefined)
          grouping.match = await findStory(tx, readScopeOf(request.principal), { id, ...fields });
        return { type: 'RecordSource', id, ...fields, storyId: storyId(), visibility: input.visibility ?? 'public' };
      },
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
  if (!grouping.ran) {
    // A retry answered with the first result: the story is the one recorded then.
    const row = await deps.db
      .selectFrom('rm_sources')
      .select('story_id')
      .where('id', '=', result.id)
      .executeTakeFirst();
    return { ...result, storyId: row?.story_id ?? null, groupedWith: null };
  }
  const match = grouping.match;
  return {
    ...result,
    storyId: storyId(),
    groupedWith: match ? { sourceId: match.sourceId, score: match.score } : null,
  };
}

/**
 * The claims a document states, as `tranche extract --json` prints them, with where each sentence sits in the main
 * text (also returned). Writes nothing.
 */
export function extractSource(input: DocumentInput) {
  const article = extractArticle(input.content, hintsOf(input));
  const contract = extractionContract(input.fileName ?? '', article);
  return {
    ...contract,
    file: input.fileName ?? null,
    text: article.text,
    claims: contract.claims.flatMap((claim, index) => {
      const span = article.claims[index]?.span;
      return span ? [{ ...claim, span }] : [];
    }),
  };
}
