/**
 * Nothing a partner or a party may read reaches an anonymous reader: with restricted and partners-only records
 * (test/support/private-records.ts) next to a public history, every GET route of the server — each path parameter
 * filled with the ids of public and of private records, each filter with private ids, every export in CSV, JSON and
 * XLSX, and a few seconds of the live-update stream — answers without any of their ids, names or amounts; a private
 * record answers 404 exactly as an unknown id does; and the totals are those of the public records alone.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '../../src/app/exports.ts';
import { registerOrganisation } from '../../src/app/organisations.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from '../support/app-fixtures.ts';
import { buildExportHistory } from '../support/export-history.ts';
import { loadWorkbook } from '../support/export-oracle.ts';
import { signedIn } from '../support/people.ts';
import { recordPrivateHistory, SECRETS } from '../support/private-records.ts';

const PUBLIC_IDS = ['pkg-1', 'pkg-2', 'ctb-nl', 'ua', 'nl', 'req-patriot', 'src-receipt', 'wire-en', 'clm-target'];
const PRIVATE_IDS = ['ruritania', 'partner-brief-1', 'covert-lot-7', 'ruritania-covert'];
const UNKNOWN_ID = 'no-such-record';
/** Filters that name a record, each tried with every private id. */
const ID_FILTERS = ['donor', 'package', 'recipient', 'story', 'subjectId'];

interface Answer {
  readonly url: string;
  readonly status: number;
  readonly text: string;
}

/** A route's querystring keys, read from its zod schema. */
function queryKeys(route: RouteOptions): string[] {
  const querystring: unknown = route.schema?.querystring;
  if (typeof querystring !== 'object' || querystring === null || !('shape' in querystring)) return [];
  const shape: unknown = querystring.shape;
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
}

/** Every way to fill the route's path parameters: ids of public, private and unknown records. */
function pathsOf(url: string): string[] {
  if (url.includes(':recipientId')) {
    return ['ua', ...PRIVATE_IDS, UNKNOWN_ID].map((id) =>
      url.replace(':recipientId', id).replace(':period', '2025-09'),
    );
  }
  if (url.includes(':table')) return [...EXPORT_TABLE_NAMES, 'tranche'].map((name) => url.replace(':table', name));
  if (url.includes(':id')) return [...PUBLIC_IDS, ...PRIVATE_IDS, UNKNOWN_ID].map((id) => url.replace(':id', id));
  return [url.replace('*', '')];
}

/** The requests to send for one route: its paths, and each with every id filter it takes set to a private id. */
function requestsOf(route: RouteOptions): string[] {
  const filters = queryKeys(route).filter((key) => ID_FILTERS.includes(key));
  return pathsOf(route.url).flatMap((path) => [
    path,
    ...filters.flatMap((key) =>
      [...PRIVATE_IDS, 'pkg-1'].flatMap((id) =>
        key === 'subjectId'
          ? ['package', 'contribution'].map((type) => `${path}?subjectType=${type}&subjectId=${id}`)
          : [`${path}?${key}=${id}`],
      ),
    ),
  ]);
}

/** Secrets in the answer that the request did not itself send (a 404 names the id it was asked for). */
function leaked(answer: Answer): string[] {
  const asked = decodeURIComponent(answer.url);
  return SECRETS.filter((secret) => answer.text.includes(secret) && !asked.includes(secret));
}

describe('what an anonymous reader can learn of private records', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let baseUrl: string;
  const routes: RouteOptions[] = [];
  const before: Record<string, unknown> = {};
  const answers: Answer[] = [];

  const OVERVIEW = ['/api/summary', '/api/summary?currency=USD', '/api/totals', '/api/totals?by=donor', '/api/donors'];

  async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await app.inject({ method: 'GET', url, headers });
    const type = String(response.headers['content-type'] ?? '');
    if (response.statusCode === 200 && type.startsWith('application/vnd.openxmlformats')) {
      const workbook = await loadWorkbook(response.rawPayload);
      const cells: string[] = [JSON.stringify(workbook.description), JSON.stringify(workbook.title)];
      for (const sheet of workbook.worksheets) {
        cells.push(sheet.name);
        sheet.eachRow((row) => {
          cells.push(JSON.stringify(row.values));
        });
      }
      return { url, status: response.statusCode, text: cells.join('\n') };
    }
    return { url, status: response.statusCode, text: response.body };
  }

  beforeAll(async () => {
    f = await openAppFixture();
    await buildExportHistory(f.deps, f.request);
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind }, { onRoute: (route) => routes.push(route) });
    // The overview while every record is public: what it must still say once private records are added.
    for (const url of OVERVIEW) before[url] = (await app.inject({ method: 'GET', url })).json();
    await recordPrivateHistory(f.deps, f.request);
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const gets = routes.filter(
      (route) => [route.method].flat().includes('GET') && route.url !== '/api/events' && !route.url.includes('*'),
    );
    for (const route of gets) for (const url of requestsOf(route)) answers.push(await get(url));
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  it('asks every GET route, with public and private ids, and none answers with a server error', () => {
    const urls = answers.map((answer) => answer.url);
    for (const expected of [
      '/api/packages/covert-lot-7',
      '/api/organisations/ruritania/timeline',
      '/api/sources/partner-brief-1/proposals',
      '/api/contributions?donor=ruritania',
      '/api/exports/tranche.xlsx',
      '/api/exports/flows.csv',
      '/api/exports/tranche.json',
      '/api/priority-lists/ruritania/2025-09',
    ]) {
      expect(urls).toContain(expected);
    }
    expect(answers.length).toBeGreaterThan(250);
    expect(answers.filter((answer) => answer.status >= 500).map((answer) => answer.url)).toEqual([]);
    // The public records are there to be read: the test would prove nothing if everything were refused.
    expect(answers.find((answer) => answer.url === '/api/packages/pkg-1')?.status).toBe(200);
    expect(answers.find((answer) => answer.url === '/api/exports/tranche.xlsx')?.status).toBe(200);
  });

  it('answers nothing that names, or counts the money of, a private record', () => {
    const leaks = answers.flatMap((answer) => leaked(answer).map((secret) => `${answer.url}: ${secret}`));
    expect(leaks).toEqual([]);
  });

  it('answers a private record exactly as an unknown one: 404, the same problem', () => {
    const unknown = answers.filter((answer) => answer.url.includes(UNKNOWN_ID));
    expect(unknown.length).toBeGreaterThan(10);
    for (const answer of unknown) {
      for (const id of PRIVATE_IDS) {
        const url = answer.url.replace(UNKNOWN_ID, id);
        const hidden = answers.find((other) => other.url === url);
        expect(hidden, url).toBeDefined();
        expect({ url, status: hidden?.status }).toEqual({ url, status: answer.status });
        expect(hidden?.text.replaceAll(id, UNKNOWN_ID), url).toBe(answer.text);
      }
    }
  });

  it('would see them as an auditor: the same answers name them', async () => {
    const auditor = await signedIn(app, f.deps, 'leak-auditor', [{ organisationId: '*', role: 'auditor' }]);
    const seen = new Set<string>();
    for (const url of ['/api/exports/tranche.xlsx', '/api/organisations', '/api/sources/partner-brief-1']) {
      for (const secret of leaked(await get(url, auditor))) seen.add(secret);
    }
    expect([...seen].sort()).toEqual([...SECRETS].sort());
  });

  it('sums only the public records: the overview is what it was before the private records', async () => {
    for (const url of OVERVIEW) expect((await app.inject({ method: 'GET', url })).json(), url).toEqual(before[url]);
    const { rows } = await sql<{ pledged: string }>`
      SELECT sum(amount_eur)::text AS pledged FROM rm_contributions WHERE visibility = 'public' AND status <> 'withdrawn'
    `.execute(f.db);
    const summary = (await app.inject({ method: 'GET', url: '/api/summary' })).json<{
      totals: { pledged: { amount: string } };
    }>();
    expect(summary.totals.pledged.amount.replace('.', '')).toBe(rows[0]?.pledged);
  });

  it('streams live updates of public events only, and nothing else', async () => {
    const lastPublic = async (): Promise<number> => {
      const { rows } = await sql<{ seq: string }>`
        SELECT max(seq)::text AS seq FROM events WHERE meta->>'visibility' = 'public'`.execute(f.db);
      return Number(rows[0]?.seq);
    };
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/events`, { signal: controller.signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no body');
    let text = '';
    const pump = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += value;
        }
      } catch {
        // Aborted.
      }
    })();
    const heads = () => [...text.matchAll(/event: ledger\ndata: (\d+)\n\n/g)].map((match) => Number(match[1]));
    const until = async (test: () => boolean): Promise<void> => {
      for (let waited = 0; !test() && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      await until(() => heads().length > 0);
      const initial = await lastPublic();
      expect(heads()).toEqual([initial]);
      // A restricted record changes: the head moves, the public stream does not.
      await registerOrganisation(f.deps, f.request, {
        id: 'ruritania-annex',
        kind: 'other',
        names: { en: 'Ruritania annex', uk: 'Руританія, додаток', ru: 'Руритания, приложение' },
        visibility: 'restricted',
        occurredOn: '2025-08-07',
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(heads()).toEqual([initial]);
      const registered = await registerOrganisation(f.deps, f.request, {
        id: 'public-late',
        kind: 'ngo',
        names: { en: 'Late NGO', uk: 'Пізня НУО', ru: 'Поздняя НКО' },
        occurredOn: '2025-08-07',
      });
      const seq = registered.events.at(-1)?.seq;
      await until(() => heads().length > 1);
      expect(heads()).toEqual([initial, seq]);
      expect(text.replace(/event: ledger\ndata: \d+\n\n|retry: \d+\n\n|: heartbeat\n\n/g, '')).toBe('');
      expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([]);
    } finally {
      controller.abort();
      await pump;
    }
  }, 20_000);
});
