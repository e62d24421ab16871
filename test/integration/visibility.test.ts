/**
 * Who reads what: a partners-only record and a restricted one, read by an anonymous reader, a person of an unrelated
 * organisation, a person of one of the restricted record's parties and an auditor — lists, details (404 as for an
 * unknown id), timelines and their evidence, exports, totals (each reader's visibilities, never a party's
 * restricted records), a package's funding, and the live-update stream's tiers.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeContribution } from '../../src/app/contributions.ts';
import { registerOrganisation } from '../../src/app/organisations.ts';
import { proposePackage } from '../../src/app/packages.ts';
import { recordSource } from '../../src/app/sources.ts';
import type { Visibility } from '../../src/domain/facts.ts';
import { LedgerWatch } from '../../src/http/live.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from '../support/app-fixtures.ts';
import { signedIn } from '../support/people.ts';
import { recordPrivateHistory } from '../support/private-records.ts';

type Reader = 'anonymous' | 'outsider' | 'party' | 'auditor';
const READERS: readonly Reader[] = ['anonymous', 'outsider', 'party', 'auditor'];

/** The visibilities each reader's totals count. */
const COUNTED: Record<Reader, readonly Visibility[]> = {
  anonymous: ['public'],
  outsider: ['public', 'partners'],
  party: ['public', 'partners'],
  auditor: ['public', 'partners', 'restricted'],
};

interface Money {
  amount: string;
  currency: string;
}
interface TimelineEntry {
  streamId: string;
  type: string;
  evidence: { sourceId: string }[];
}

describe('visibility of records, by reader', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  const headers: Record<Reader, Record<string, string>> = { anonymous: {}, outsider: {}, party: {}, auditor: {} };

  const get = (reader: Reader, url: string) => app.inject({ method: 'GET', url, headers: headers[reader] });
  const json = async <T>(reader: Reader, url: string): Promise<T> => {
    const response = await get(reader, url);
    expect(response.statusCode, `${reader} ${url}: ${response.body}`).toBe(200);
    return response.json<T>();
  };
  const ids = async (reader: Reader, url: string): Promise<string[]> =>
    (await json<{ id: string }[]>(reader, url)).map((row) => row.id);

  beforeAll(async () => {
    f = await openAppFixture();
    const rq = f.request;
    await recordSource(f.deps, rq, {
      id: 'src-public',
      publisher: 'Public wire',
      language: 'en',
      title: 'Pledge announced',
      text: 'The Netherlands pledged EUR 100 million.',
      occurredOn: '2025-08-04',
    });
    await recordSource(f.deps, rq, {
      id: 'src-secret',
      publisher: 'Internal memo',
      language: 'en',
      title: 'Memo',
      text: 'For those who read everything.',
      visibility: 'restricted',
      occurredOn: '2025-08-04',
    });
    await proposePackage(f.deps, rq, {
      id: 'pub-1',
      title: { en: 'Public package' },
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      supplierId: 'us',
      category: 'air-defence',
      targetValue: { amount: '200000000', currency: 'EUR' },
      lines: [{ lineId: 'l1', description: 'Interceptors', quantity: 10 }],
      occurredOn: '2025-08-04',
    });
    await pledgeContribution(f.deps, rq, {
      id: 'ctb-pub',
      donorId: 'nl',
      packageId: 'pub-1',
      amount: { amount: '100000000', currency: 'EUR' },
      evidence: ['src-public', 'src-secret'],
      occurredOn: '2025-08-04',
    });
    await pledgeContribution(f.deps, rq, {
      id: 'ctb-dk-partners',
      donorId: 'dk',
      packageId: 'pub-1',
      amount: { amount: '50000000', currency: 'EUR' },
      visibility: 'partners',
      occurredOn: '2025-08-05',
    });
    await recordPrivateHistory(f.deps, rq);
    await pledgeContribution(f.deps, rq, {
      id: 'ctb-ruritania-secret',
      donorId: 'ruritania',
      packageId: 'covert-lot-7',
      amount: { amount: '1000000', currency: 'EUR' },
      visibility: 'restricted',
      occurredOn: '2025-08-06',
    });
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    headers.outsider = await signedIn(app, f.deps, 'outsider', [{ organisationId: 'nl', role: 'donor-officer' }]);
    headers.party = await signedIn(app, f.deps, 'party', [{ organisationId: 'nsatu', role: 'coordinator' }]);
    headers.auditor = await signedIn(app, f.deps, 'auditor', [{ organisationId: '*', role: 'auditor' }]);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  it('hides a partners-only record from the anonymous reader alone', async () => {
    for (const reader of READERS) {
      const visible = reader !== 'anonymous';
      for (const url of ['/api/contributions/ruritania-covert', '/api/sources/partner-brief-1']) {
        expect((await get(reader, url)).statusCode, `${reader} ${url}`).toBe(visible ? 200 : 404);
      }
      expect((await ids(reader, '/api/contributions')).includes('ruritania-covert'), reader).toBe(visible);
      expect((await ids(reader, '/api/sources')).includes('partner-brief-1'), reader).toBe(visible);
    }
  });

  it('shows a restricted record to its parties and to those who read everything, as unknown to the rest', async () => {
    for (const reader of READERS) {
      const visible = reader === 'party' || reader === 'auditor';
      for (const url of [
        '/api/packages/covert-lot-7',
        '/api/packages/covert-lot-7/timeline',
        '/api/contributions/ctb-ruritania-secret',
      ]) {
        const response = await get(reader, url);
        expect(response.statusCode, `${reader} ${url}`).toBe(visible ? 200 : 404);
        if (!visible) {
          const unknown = await get(reader, url.replace(/covert-lot-7|ctb-ruritania-secret/, 'nothing-here'));
          expect(response.body.replace(/covert-lot-7|ctb-ruritania-secret/g, 'nothing-here')).toBe(unknown.body);
        }
      }
      expect((await ids(reader, '/api/packages')).includes('covert-lot-7'), reader).toBe(visible);
      // The restricted donor is its own only party: nsatu's coordinator does not see it.
      expect((await get(reader, '/api/organisations/ruritania')).statusCode, reader).toBe(
        reader === 'auditor' ? 200 : 404,
      );
    }
    const timeline = await json<TimelineEntry[]>('party', '/api/packages/covert-lot-7/timeline');
    expect(timeline.map((entry) => `${entry.streamId} ${entry.type}`)).toEqual(
      expect.arrayContaining([
        'contribution-ctb-ruritania-secret ContributionPledged',
        'package-covert-lot-7 PackageProposed',
      ]),
    );
  });

  it('counts in totals only the visibilities of the reader, a party’s restricted records not among them', async () => {
    for (const reader of READERS) {
      const { rows } = await sql<{ pledged: string }>`
        SELECT sum(amount_eur)::text AS pledged FROM rm_contributions
        WHERE status <> 'withdrawn' AND visibility = ANY(${[...COUNTED[reader]]}::text[])`.execute(f.db);
      const expected = rows[0]?.pledged ?? '0';
      const summary = await json<{ totals: { pledged: Money } }>(reader, '/api/summary');
      expect(summary.totals.pledged.amount.replace('.', ''), reader).toBe(expected);
      const totals = await json<{ amount: Money }[]>(reader, '/api/totals?by=donor&stage=pledged');
      const sum = totals.reduce((total, row) => total + BigInt(row.amount.amount.replace('.', '')), 0n);
      expect(sum.toString(), reader).toBe(expected);
      const records = await json<{ total: Money }>(reader, '/api/records?stage=pledged');
      expect(records.total, reader).toEqual(summary.totals.pledged);
    }
    const donors = async (reader: Reader) =>
      (await json<{ donorId: string }[]>(reader, '/api/totals?by=donor&stage=pledged')).map((row) => row.donorId);
    expect(await donors('anonymous')).toEqual(['nl']);
    expect(await donors('outsider')).toEqual(['dk', 'nl', 'ruritania']);
    expect(await donors('auditor')).toEqual(['dk', 'nl', 'ruritania']);
  });

  it("sums a package's funding and lists its donors from what the reader may see", async () => {
    const anonymous = await json<{ pledged: Money; donorIds: string[] }>('anonymous', '/api/packages/pub-1');
    expect(anonymous).toMatchObject({ pledged: { amount: '100000000.00' }, donorIds: ['nl'] });
    for (const reader of ['outsider', 'auditor'] as const) {
      const pkg = await json<{ pledged: Money; donorIds: string[] }>(reader, '/api/packages/pub-1');
      expect(pkg, reader).toMatchObject({ pledged: { amount: '150000000.00' }, donorIds: ['dk', 'nl'] });
    }
    expect(await ids('anonymous', '/api/packages?donor=dk')).toEqual([]);
    expect(await ids('outsider', '/api/packages?donor=dk')).toEqual(['pub-1']);
  });

  it('drops from a timeline the events and the evidence the reader may not see', async () => {
    const read = (reader: Reader) => json<TimelineEntry[]>(reader, '/api/packages/pub-1/timeline');
    const anonymous = await read('anonymous');
    expect(anonymous.map((entry) => entry.streamId)).not.toContain('contribution-ctb-dk-partners');
    const pledge = anonymous.find((entry) => entry.streamId === 'contribution-ctb-pub');
    expect(pledge?.evidence.map((source) => source.sourceId)).toEqual(['src-public']);
    const auditor = await read('auditor');
    expect(auditor.map((entry) => entry.streamId)).toContain('contribution-ctb-dk-partners');
    expect(auditor.find((entry) => entry.streamId === 'contribution-ctb-pub')?.evidence.map((s) => s.sourceId)).toEqual(
      ['src-public', 'src-secret'],
    );
  });

  it('exports what the reader may see', async () => {
    const exported = async (reader: Reader, table: string) =>
      (await json<{ id: string }[]>(reader, `/api/exports/${table}.json`)).map((row) => row.id).sort();
    expect(await exported('anonymous', 'contributions')).toEqual(['ctb-pub']);
    expect(await exported('outsider', 'contributions')).toEqual(['ctb-dk-partners', 'ctb-pub', 'ruritania-covert']);
    expect(await exported('party', 'contributions')).toEqual([
      'ctb-dk-partners',
      'ctb-pub',
      'ctb-ruritania-secret',
      'ruritania-covert',
    ]);
    expect(await exported('anonymous', 'sources')).toEqual(['src-public']);
    expect(await exported('party', 'sources')).toEqual(['partner-brief-1', 'src-public']);
    expect(await exported('auditor', 'sources')).toEqual(['partner-brief-1', 'src-public', 'src-secret']);
    expect(await exported('outsider', 'people')).toEqual([]);
    expect(await exported('auditor', 'people')).toEqual(['auditor', 'outsider', 'party']);
    const packages = await json<{ id: string; pledged_eur: string }[]>('anonymous', '/api/exports/packages.json');
    expect(packages).toEqual([expect.objectContaining({ id: 'pub-1', pledged_eur: '10000000000' })]);
  });

  it('tells each tier of the live stream only of its own events, with one watch', async () => {
    const watch = new LedgerWatch(f.db, 50);
    const tiers: Record<string, readonly Visibility[]> = {
      public: ['public'],
      partners: ['public', 'partners'],
      all: ['public', 'partners', 'restricted'],
    };
    const heard: Record<string, number[]> = { public: [], partners: [], all: [] };
    const unsubscribe = await Promise.all(
      Object.entries(tiers).map(([tier, visibilities]) =>
        watch.subscribe(visibilities, (seq) => heard[tier]?.push(seq)),
      ),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
    try {
      const initial = { public: heard.public?.[0], partners: heard.partners?.[0], all: heard.all?.[0] };
      const register = async (id: string, visibility: Visibility) => {
        const result = await registerOrganisation(f.deps, f.request, {
          id,
          kind: 'ngo',
          names: { en: id, uk: id, ru: id },
          visibility,
          occurredOn: '2025-08-07',
        });
        await settle();
        return result.events.at(-1)?.seq ?? 0;
      };
      const restricted = await register('live-restricted', 'restricted');
      const partners = await register('live-partners', 'partners');
      const open = await register('live-public', 'public');
      expect(heard).toEqual({
        public: [initial.public, open],
        partners: [initial.partners, partners, open],
        all: [initial.all, restricted, partners, open],
      });
    } finally {
      for (const each of unsubscribe) each();
      watch.stop();
    }
  });
});
