import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { importSource } from '../../app/ingest.ts';
import { acceptProposal, listProposals, rejectProposal } from '../../app/proposals.ts';
import {
  acceptProposalSchema,
  importSourceSchema,
  recordSourceSchema,
  rejectProposalSchema,
} from '../../app/schemas.ts';
import { recordSource } from '../../app/sources.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import { CLAIM_STAGES } from '../../domain/claim/claim.ts';
import { notFound } from '../../domain/errors.ts';
import { LANGUAGES } from '../../domain/facts.ts';
import { listSources } from '../../projections/queries/sources.ts';
import { listStories } from '../../projections/queries/stories.ts';
import type { CliContext } from '../context.ts';
import { RequestInvalidError } from '../errors.ts';
import { money, table } from '../output.ts';
import { addReadCommand, optional } from '../read-command.ts';
import { addWriteCommand, type WriteCommand, write } from '../write-command.ts';

const RECORD = write({
  name: 'record',
  summary: 'record a source: an article, a statement, a report',
  schema: recordSourceSchema,
  flags: [
    ['--id <id>', 'id', 'its id (default: a new one)'],
    ['--url <url>', 'url', 'where it is published'],
    ['--publisher <name>', 'publisher', 'who published it'],
    ['--author <name>', 'author', 'who wrote it'],
    ['--published-on <date>', 'publishedOn', 'when, YYYY-MM-DD'],
    ['--language <code>', 'language', LANGUAGES.join(', ')],
    ['--title <text>', 'title', 'its title'],
    ['--text <text>', 'text', 'its text'],
    ['--text-file <path>', 'text', 'read its text from a file (e.g. article.txt)', 'file-text'],
    ['--story <id>', 'storyId', 'the story its other language versions share'],
  ],
  run: (deps, request, input) => recordSource(deps, request, input),
});

async function readDocumentFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new RequestInvalidError(
      'file',
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const IMPORT = write({
  name: 'import',
  summary: 'record a source from a document (text or a saved HTML page), grouped with its versions in other languages',
  args: ['file'],
  schema: importSourceSchema.omit({ content: true, fileName: true }),
  flags: [
    ['--id <id>', 'id', 'its id (default: a new one)'],
    ['--url <url>', 'url', 'where it is published'],
    ['--publisher <name>', 'publisher', "who published it (default: the page's, else the URL's host)"],
    ['--title <text>', 'title', "its title (default: the page's)"],
    ['--author <name>', 'author', "who wrote it (default: the page's)"],
    ['--published-on <date>', 'publishedOn', "when, YYYY-MM-DD (default: the page's)"],
    ['--language <code>', 'language', `${LANGUAGES.join(', ')} (default: the text's)`],
    ['--story <id>', 'storyId', 'the story its other language versions share (default: found from its facts)'],
    ['--content-type <type>', 'contentType', 'text/html or text/plain, when the file name does not tell'],
  ],
  run: async (deps, request, input, { file }) => {
    const content = await readDocumentFile(file);
    const result = await importSource(deps, request, { ...input, content, fileName: path.basename(file) });
    const grouped = result.groupedWith;
    return {
      ...result,
      notes: grouped
        ? [`story ${result.storyId}: grouped with ${grouped.sourceId} (score ${grouped.score.toFixed(2)})`]
        : result.storyId
          ? [`story ${result.storyId}`]
          : [],
    };
  },
});

const REVIEW: readonly WriteCommand[] = [
  write({
    name: 'accept',
    summary: 'accept a proposal as a claim (flags override it), linked to an event with --link',
    args: ['id', 'key'],
    schema: acceptProposalSchema,
    flags: [
      ['--link <eventId>', 'linkTo', 'the ledger event the claim is evidence for'],
      ['--donor <id>', 'donorIds', 'a donor, instead of those found (repeat for several, or comma-separate)', 'ids'],
      ['--stage <stage>', 'stage', CLAIM_STAGES.join(', ')],
      ['--amount <amount>', 'amount.amount', 'the amount (with --currency)'],
      ['--currency <code>', 'amount.currency', 'the currency of the amount'],
      ['--sentence <text>', 'sentence', 'the sentence, as the source words it'],
      ['--subject <type:id>', 'subject', 'what it is about, e.g. package:nl-1', 'subject'],
    ],
    run: (deps, request, input, { id, key }) => acceptProposal(deps, request, id, key, input),
  }),
  write({
    name: 'reject',
    summary: 'reject a proposal, with the reason',
    args: ['id', 'key'],
    schema: rejectProposalSchema,
    flags: [['--reason <text>', 'reason', 'why it is not a claim']],
    run: (deps, request, input, { id, key }) => rejectProposal(deps, request, id, key, input),
  }),
];

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function registerSourceCommands(program: Command, context: CliContext): void {
  const source = program.command('source').description('sources: the documents facts are known from');
  addWriteCommand(source, RECORD, context);
  addWriteCommand(source, IMPORT, context);
  addReadCommand(
    source,
    'list',
    'sources, newest first, with how many claims each holds',
    (command) =>
      command.option('--language <code>', 'only this language').option('--story <id>', 'only versions of this story'),
    (db, options) =>
      listSources(db, FULL_SCOPE, { language: optional(options.language), storyId: optional(options.story) }),
    (rows) =>
      table(rows, [
        { header: 'id', value: (row) => row.id },
        { header: 'published', value: (row) => row.publishedOn },
        { header: 'publisher', value: (row) => row.publisher },
        { header: 'lang', value: (row) => row.language },
        { header: 'title', value: (row) => row.title },
        { header: 'story', value: (row) => row.storyId },
        { header: 'claims', value: (row) => row.claims.length, align: 'right' },
      ]),
    context,
  );
  addReadCommand(
    source,
    'stories',
    'stories, newest first, with their versions in each language',
    (command) => command.option('--multilingual', 'only stories told in two languages or more'),
    (db, options) => listStories(db, FULL_SCOPE, { multilingual: options.multilingual === true }),
    (rows) =>
      table(rows, [
        { header: 'story', value: (row) => row.id },
        { header: 'languages', value: (row) => row.languages.join(' ') },
        { header: 'sources', value: (row) => row.sources.map((item) => `${item.id} (${item.language})`).join(', ') },
        { header: 'title', value: (row) => shorten(row.sources[0]?.title ?? '', 60) },
      ]),
    context,
  );
  addReadCommand(
    source,
    'proposals <id>',
    "the claims extraction proposes from a source's text, their review, and the events each could be evidence for",
    (command) => command,
    async (db, _options, [id = '']) => {
      const proposals = await listProposals(db, FULL_SCOPE, id);
      if (!proposals) throw notFound('source-unknown', `no source "${id}"`);
      return proposals;
    },
    (rows) =>
      table(
        rows,
        [
          { header: 'key', value: (row) => row.key },
          { header: 'status', value: (row) => row.claimId ?? row.status },
          {
            header: 'donors',
            value: (row) => [...row.donorIds, ...row.unresolved.map((code) => `${code}?`)].join(' + '),
          },
          { header: 'stage', value: (row) => row.claimStage },
          { header: 'amount', value: (row) => money(row.amount), align: 'right' },
          { header: 'best candidate', value: (row) => row.candidates[0]?.label ?? '' },
          { header: 'implies', value: (row) => (row.implies ? `${row.implies.method} ${row.implies.path}` : '') },
          { header: 'evidence', value: (row) => shorten(row.evidence, 60) },
        ],
        '(no proposals)',
      ),
    context,
  );
  for (const spec of REVIEW) addWriteCommand(source, spec, context);
}
