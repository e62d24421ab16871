import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commitContribution,
  payContribution,
  pledgeContribution,
  withdrawContribution,
} from '../../src/app/contributions.ts';
import { rebuild, verify } from '../../src/app/ledger.ts';
import { cancelPackage, fundPackage } from '../../src/app/packages.ts';
import { addPerson, grantRole, issueToken, revokeRole, revokeToken } from '../../src/app/people.ts';
import { acceptProposal, listProposals, rejectProposal } from '../../src/app/proposals.ts';
import { adoptFigure, linkClaim, recordClaim } from '../../src/app/sources.ts';
import { FULL_SCOPE } from '../../src/domain/access.ts';
import { PROJECTION_TABLES } from '../../src/projections/tables.ts';
import { type AppFixture, dumpProjections, eventOf, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { importKielSample } from '../support/flows.ts';
import { recordHistoryFirstHalf } from '../support/projection-history.ts';

/** The history the suite rebuilds: test/support/projection-history.ts records its first half, this the rest. */
async function buildHistory(f: AppFixture): Promise<void> {
  const { deps, request: rq } = f;
  const usd = (amount: string) => ({ amount, currency: 'USD' });
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  const { nordic, nlCommitted, nlPaid, contracted } = await recordHistoryFirstHalf(f);

  // Package B: three donors in three currencies, one of them seen by partners only.
  await pledgeContribution(deps, rq, {
    id: 'ctb-no',
    donorId: 'no',
    packageId: 'pkg-b',
    amount: { amount: '2000000000', currency: 'NOK' },
    occurredOn: '2025-08-05',
  });
  await pledgeContribution(deps, rq, {
    id: 'ctb-se',
    donorId: 'se',
    packageId: 'pkg-b',
    amount: { amount: '1900000000', currency: 'SEK' },
    visibility: 'partners',
    occurredOn: '2025-08-06',
  });
  await pledgeContribution(deps, rq, {
    id: 'ctb-dk',
    donorId: 'dk',
    packageId: 'pkg-b',
    amount: { amount: '1200000000', currency: 'DKK' },
    occurredOn: '2025-08-08', // a Friday
  });
  for (const id of ['ctb-no', 'ctb-se', 'ctb-dk']) await commitContribution(deps, rq, id, { occurredOn: '2025-08-11' });
  await payContribution(deps, rq, 'ctb-se', {
    amount: { amount: '500000000', currency: 'SEK' },
    occurredOn: '2025-09-01',
  });
  await fundPackage(deps, rq, 'pkg-b', { occurredOn: '2025-08-11' });

  // Package C: pledged to, then cancelled; the pledge is withdrawn.
  await pledgeContribution(deps, rq, {
    id: 'ctb-ca-c',
    donorId: 'ca',
    packageId: 'pkg-c',
    amount: { amount: '70000000', currency: 'CAD' },
    occurredOn: '2025-08-06',
  });
  await cancelPackage(deps, rq, 'pkg-c', { reason: 'merged into another package', occurredOn: '2025-08-20' });
  await withdrawContribution(deps, rq, 'ctb-ca-c', { reason: 'package cancelled', occurredOn: '2025-08-21' });

  // General support from Canada, partners only, amended at commitment and paid in full.
  await pledgeContribution(deps, rq, {
    id: 'ctb-ca',
    donorId: 'ca',
    category: 'financial',
    amount: { amount: '50000000', currency: 'CAD' },
    visibility: 'partners',
    occurredOn: '2025-08-06',
  });
  await commitContribution(deps, rq, 'ctb-ca', {
    amount: { amount: '55000000', currency: 'CAD' },
    occurredOn: '2025-08-08',
  });
  await payContribution(deps, rq, 'ctb-ca', {
    amount: { amount: '55000000', currency: 'CAD' },
    occurredOn: '2025-09-01',
  });

  // Conflicting claims about package B's value, one adopted, then a range; claims about A and a payment.
  const claim = (id: string, sourceId: string, amount: string, sentence: string) =>
    recordClaim(deps, rq, {
      id,
      sourceId,
      subject: { type: 'package', id: 'pkg-b' },
      donorIds: ['dk', 'no', 'se'],
      stage: 'pledged',
      amount: usd(amount),
      statedOn: '2025-08-05',
      sentence,
      occurredOn: '2025-08-06',
    });
  await claim(
    'clm-500',
    'src-en',
    '500000000',
    'Denmark, Norway and Sweden will finance a package worth $500 million.',
  );
  await claim('clm-486', 'src-en', '486000000', 'Other outlets put the package at $486 million.');
  await claim(
    'clm-495',
    'src-uk',
    '495000000',
    'Данія, Норвегія та Швеція профінансують пакет на 495 мільйонів доларів.',
  );
  await claim(
    'clm-585',
    'src-ru',
    '585000000',
    'Дания, Норвегия и Швеция профинансируют пакет на 585 миллионов долларов.',
  );
  await linkClaim(deps, rq, 'clm-500', { eventId: eventOf(nordic, 'PackageProposed'), occurredOn: '2025-08-06' });
  await adoptFigure(deps, rq, {
    subject: { type: 'package', id: 'pkg-b' },
    stage: 'pledged',
    claimId: 'clm-500',
    occurredOn: '2025-08-07',
  });
  await adoptFigure(deps, rq, {
    subject: { type: 'package', id: 'pkg-b' },
    stage: 'pledged',
    low: usd('486000000'),
    high: usd('585000000'),
    note: 'outlets convert the NOK, SEK and DKK amounts differently',
    occurredOn: '2025-08-08',
  });
  await recordClaim(deps, rq, {
    id: 'clm-nl-committed',
    sourceId: 'src-nl',
    subject: { type: 'package', id: 'pkg-a' },
    donorIds: ['nl'],
    stage: 'committed',
    amount: eur('320000000'),
    sentence: 'The Netherlands commits EUR 320 million to the first PURL package.',
    visibility: 'partners',
    occurredOn: '2025-08-06',
  });
  await linkClaim(deps, rq, 'clm-nl-committed', {
    eventId: eventOf(contracted, 'PackageContracted'),
    occurredOn: '2025-08-12',
  });
  await adoptFigure(deps, rq, {
    subject: { type: 'package', id: 'pkg-a' },
    stage: 'committed',
    claimId: 'clm-nl-committed',
    note: 'official statement',
    occurredOn: '2025-08-12',
  });
  await recordClaim(deps, rq, {
    id: 'clm-nl-paid',
    sourceId: 'src-nl',
    subject: { type: 'contribution', id: 'ctb-nl' },
    donorIds: ['nl'],
    stage: 'paid',
    amount: eur('100000000'),
    sentence: 'Payment of EUR 100 million follows this month.',
    occurredOn: '2025-08-11',
  });
  await linkClaim(deps, rq, 'clm-nl-paid', { eventId: eventOf(nlPaid, 'ContributionPaid'), occurredOn: '2025-08-11' });

  // The curator's review of what extraction proposes: the Dutch commitment accepted as a claim and linked in the same
  // step; the Nordic pledge counts as reviewed (typed in by hand as clm-500); Finland's July pledge, rejected.
  const [dutch] = (await listProposals(deps.db, FULL_SCOPE, 'src-nl')) ?? [];
  await acceptProposal(deps, rq, 'src-nl', dutch?.key ?? '', {
    stage: 'committed',
    linkTo: eventOf(nlCommitted, 'ContributionCommitted'),
    occurredOn: '2025-08-12',
  });
  const finnish = (await listProposals(deps.db, FULL_SCOPE, 'src-en'))?.find((proposal) =>
    proposal.donors.includes('FI'),
  );
  await rejectProposal(deps, rq, 'src-en', finnish?.key ?? '', {
    reason: 'a July pledge, outside this story',
    occurredOn: '2025-08-12',
  });

  // People: a role granted, another granted and revoked; a token issued and one revoked.
  await addPerson(deps, rq, { id: 'olena', name: 'Olena', password: 'a long enough passphrase' });
  await grantRole(deps, rq, 'olena', { organisationId: 'ua', role: 'recipient-planner' });
  await grantRole(deps, rq, 'olena', { organisationId: '*', role: 'auditor' });
  await revokeRole(deps, rq, 'olena', { organisationId: '*', role: 'auditor' });
  await issueToken(deps, rq, { organisationId: 'nl', role: 'donor-officer', label: 'feed', expiresOn: '2027-01-01' });
  const old = await issueToken(deps, rq, { organisationId: 'nl', role: 'donor-officer', label: 'old feed' });
  await revokeToken(deps, rq, old.result.id, { reason: 'rotated' });

  // Tracker data: two donor-months of a Kiel-shaped file, one donor the ledger lacked (Japan), as flows.
  await importKielSample(deps, rq, [
    '"Netherlands","NLD",2025,8,0.3,0.1,0,0.2,0.5,0.2,1100,0.03',
    '"Japan","JPN",2025,9,0.05,0.04,0.01,0,0.05,0,4000,0.001',
  ]);
}

describe('projections rebuilt from the ledger', () => {
  let f: AppFixture;
  let live: Record<string, unknown[]>;

  beforeAll(async () => {
    f = await openAppFixture();
    await buildHistory(f);
    live = await dumpProjections(f.db);
  }, 120_000);
  afterAll(() => f?.cleanup());

  it('the history leaves rows in every read-model table, so the comparison covers all of them', () => {
    const empty = PROJECTION_TABLES.filter((table) => (live[table] ?? []).length === 0);
    expect(empty).toEqual([]);
  });

  it('the history shows what it set out to: amendments, a withdrawal, coexisting claims and an adopted range', async () => {
    const contributions = await f.db
      .selectFrom('rm_contributions')
      .select(['id', 'status', 'amount', 'delivered_eur', 'visibility'])
      .where('id', 'in', ['ctb-nl', 'ctb-de', 'ctb-ca'])
      .orderBy('id')
      .execute();
    expect(contributions).toEqual([
      { id: 'ctb-ca', status: 'committed', amount: '55000000.0000000000', delivered_eur: '0', visibility: 'partners' },
      { id: 'ctb-de', status: 'withdrawn', amount: '100000000.0000000000', delivered_eur: '0', visibility: 'public' },
      {
        id: 'ctb-nl',
        status: 'committed',
        amount: '350000000.0000000000',
        delivered_eur: '35000000000',
        visibility: 'public',
      },
    ]);
    const claims = await f.db
      .selectFrom('rm_claims')
      .select(['id', 'amount'])
      .where('subject_id', '=', 'pkg-b')
      .orderBy('amount')
      .execute();
    expect(claims.map((row) => row.id)).toEqual(['clm-486', 'clm-495', 'clm-500', 'clm-585']);
    const figures = await f.db.selectFrom('rm_figures').selectAll().orderBy('subject_id').execute();
    expect(figures).toEqual([
      {
        subject_type: 'package',
        subject_id: 'pkg-a',
        stage: 'committed',
        claim_id: 'clm-nl-committed',
        low_amount: '320000000.0000000000',
        high_amount: '320000000.0000000000',
        currency: 'EUR',
        note: 'official statement',
        adopted_on: '2025-08-12',
      },
      {
        subject_type: 'package',
        subject_id: 'pkg-b',
        stage: 'pledged',
        claim_id: null,
        low_amount: '486000000.0000000000',
        high_amount: '585000000.0000000000',
        currency: 'USD',
        note: 'outlets convert the NOK, SEK and DKK amounts differently',
        adopted_on: '2025-08-08',
      },
    ]);
    const list = await f.db.selectFrom('rm_priority_lists').selectAll().executeTakeFirstOrThrow();
    expect(list).toMatchObject({ status: 'approved', requirement_ids: ['req-b', 'req-a'], approvals: ['ua', 'nsatu'] });
  });

  it('rebuild replays every event and reproduces every read-model table row for row', async () => {
    const { events } = await ledgerState(f.db);
    expect(await rebuild(f.db)).toBe(events);
    expect(await dumpProjections(f.db)).toEqual(live);
  });

  it('rebuild puts back read-model rows changed or removed behind the app’s back', async () => {
    await sql`UPDATE rm_packages SET status = 'proposed', paid_eur = 0 WHERE id = 'pkg-a'`.execute(f.db);
    await sql`DELETE FROM rm_donor_totals WHERE donor_id = 'nl'`.execute(f.db);
    await sql`INSERT INTO rm_timeline (entity, seq) VALUES ('package:ghost', 1)`.execute(f.db);
    expect(await dumpProjections(f.db)).not.toEqual(live);
    await rebuild(f.db);
    expect(await dumpProjections(f.db)).toEqual(live);
  });

  it('rebuild leaves the ledger as it was, and verifiable', async () => {
    const before = await ledgerState(f.db);
    await rebuild(f.db);
    expect(await ledgerState(f.db)).toEqual(before);
    expect(await verify(f.db)).toMatchObject({ ok: true, events: before.events });
  });
});
