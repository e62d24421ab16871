import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SEED = path.resolve(ROOT, '../shared/seed/nato-arms-deliveries.txt');
const DEV = path.join(ROOT, 'eval/extraction/dev');

/** A configuration whose database cannot be reached: extract must never need it. */
const OFFLINE = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', TRANCHE_DATA_DIR: '/nonexistent/tranche' };

async function extract(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(['extract', ...args], OFFLINE, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('tranche extract', () => {
  it('prints one JSON array, one object per file in the order given, with no database', async () => {
    const html = path.join(DEV, 'ru/shvetsiya-2-5-mlrd-kron-pvo.html');
    const { code, stdout, stderr } = await extract(SEED, html, '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    expect(results.map((result) => result.file)).toEqual([SEED, html]);
    expect(results[0]).toEqual({
      file: SEED,
      language: 'en',
      title: 'NATO vows ongoing arms deliveries to Ukraine despite upcoming US-Russia talks',
      author: 'Bohdan Babaiev',
      published: null,
      claims: [
        {
          donors: ['NL'],
          stage: 'delivered',
          amount: null,
          mechanism: null,
          evidence:
            'He added that the first two aid packages from the Netherlands and Scandinavian countries have already arrived.',
        },
      ],
    });
    expect(results[1]).toMatchObject({ language: 'ru', published: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(Object.keys(results[1] ?? {})).toEqual(['file', 'language', 'title', 'author', 'published', 'claims']);
  });

  it('prints a table per file without --json', async () => {
    const { code, stdout } = await extract(SEED);
    expect(code).toBe(0);
    expect(stdout).toContain('language:  en');
    expect(stdout).toMatch(/NL\s+│ delivered/);
  });

  it('refuses a file it cannot read with one line and exit code 2', async () => {
    const { code, stdout, stderr } = await extract(SEED, 'no-such-article.txt', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'error: request-invalid: file: cannot read "no-such-article.txt": no such file',
    ]);
  });
});
