import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { extractArticle, extractionContract } from '../../ingest/article.ts';
import type { CliContext } from '../context.ts';
import { RequestInvalidError } from '../errors.ts';
import { fields, table } from '../output.ts';

async function readArticle(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    throw new RequestInvalidError('file', `cannot read "${file}": ${reason}`);
  }
}

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * `tranche extract FILE... [--json]`: the aid claims each article states. Offline: it opens no database and calls no
 * server. `--json` prints the contract other tools read: one array, one object per file, in the order given.
 */
export function registerExtractCommand(program: Command, context: CliContext): void {
  program
    .command('extract')
    .description('propose the aid claims that articles (text or saved HTML, uk / en / ru) state; offline')
    .argument('<files...>', 'article files: .txt or .html')
    .option('--json', 'print one JSON array, one object per file')
    .action(async (files: string[], options: { json?: boolean }) => {
      const results = [];
      for (const file of files)
        results.push(extractionContract(file, extractArticle(await readArticle(file), { fileName: file })));
      if (options.json) {
        context.out(JSON.stringify(results, null, 2));
        return;
      }
      for (const result of results) {
        context.out(
          fields([
            ['file', result.file],
            ['language', result.language],
            ['title', result.title],
            ['author', result.author],
            ['published', result.published],
          ]),
        );
        context.out(
          table(
            result.claims,
            [
              { header: 'donors', value: (claim) => claim.donors.join(' + ') },
              { header: 'stage', value: (claim) => claim.stage },
              {
                header: 'amount',
                align: 'right',
                value: (claim) =>
                  claim.amount ? `${claim.amount.value.toLocaleString('en')} ${claim.amount.currency}` : '',
              },
              { header: 'mechanism', value: (claim) => claim.mechanism ?? '' },
              { header: 'evidence', value: (claim) => shorten(claim.evidence, 80) },
            ],
            '(no claims found)',
          ),
        );
        context.out('');
      }
    });
}
