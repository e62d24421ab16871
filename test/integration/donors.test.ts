/**
 * GET /api/donors: every donor's summary in one answer — the same totals, median lag and coalitions as each
 * organisation's own page gives — including the members of a coalition that gave, who may have given nothing alone.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeContribution } from '../../src/app/contributions.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from '../support/app-fixtures.ts';
import { signedIn } from '../support/people.ts';
import { buildRecordsLedger } from '../support/records-ledger.ts';

interface DonorSummary {
  donorId: string;
  totals: Record<string, { amount: string; currency: string }>;
  medianLagDays: number | null;
  coalitions: string[];
}

describe('GET /api/donors', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let auth: Record<string, string> = {};

  beforeAll(async () => {
    f = await openAppFixture();
    await buildRecordsLedger(f);
    // General support from the Nordic coalition as a whole: a joint figure of its own.
    await pledgeContribution(f.deps, f.request, {
      id: 'nb8-support',
      donorId: 'nb8',
      category: 'air-defence',
      amount: { amount: '1000000', currency: 'EUR' },
      occurredOn: '2025-08-04',
    });
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    auth = await signedIn(app, f.deps, 'reader');
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  it.each(['EUR', 'USD'])('gives each donor the summary its own page gives (%s)', async (currency) => {
    const response = await app.inject({ method: 'GET', headers: auth, url: `/api/donors?currency=${currency}` });
    expect(response.statusCode).toBe(200);
    const donors = response.json<DonorSummary[]>();
    expect(donors.length).toBeGreaterThan(2);
    for (const donor of donors) {
      const page = await app.inject({
        method: 'GET',
        headers: auth,
        url: `/api/organisations/${donor.donorId}?currency=${currency}`,
      });
      expect(page.json<{ donorSummary: DonorSummary }>().donorSummary, donor.donorId).toEqual(donor);
    }
  });

  it('lists the members of a coalition that gave, with the coalition among theirs', async () => {
    const donors = (await app.inject({ method: 'GET', headers: auth, url: '/api/donors' })).json<DonorSummary[]>();
    expect(donors.find((donor) => donor.donorId === 'nb8')?.totals.pledged).toEqual({
      amount: '1000000.00',
      currency: 'EUR',
    });
    const members = donors.filter((donor) => donor.coalitions.includes('nb8')).map((donor) => donor.donorId);
    expect(members.sort()).toEqual(['dk', 'no', 'se']);
  });

  it('refuses an unknown currency, naming the field', async () => {
    const response = await app.inject({ method: 'GET', headers: auth, url: '/api/donors?currency=GBP' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request-invalid', field: 'currency' });
  });
});
