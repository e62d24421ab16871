import type { Command } from 'commander';
import { recordSourceSchema } from '../../app/schemas.ts';
import { recordSource } from '../../app/sources.ts';
import { LANGUAGES } from '../../domain/facts.ts';
import { listSources } from '../../projections/queries/sources.ts';
import type { CliContext } from '../context.ts';
import { table } from '../output.ts';
import { addReadCommand, optional } from '../read-command.ts';
import { addWriteCommand, write } from '../write-command.ts';

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

export function registerSourceCommands(program: Command, context: CliContext): void {
  const source = program.command('source').description('sources: the documents facts are known from');
  addWriteCommand(source, RECORD, context);
  addReadCommand(
    source,
    'list',
    'sources, newest first, with how many claims each holds',
    (command) =>
      command.option('--language <code>', 'only this language').option('--story <id>', 'only versions of this story'),
    (db, options) => listSources(db, { language: optional(options.language), storyId: optional(options.story) }),
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
}
