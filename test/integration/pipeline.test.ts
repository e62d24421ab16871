import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitContribution, payContribution, pledgeContribution } from '../../src/app/contributions.ts';
import type { CommandResult } from '../../src/app/deps.ts';
import { verify } from '../../src/app/ledger.ts';
import {
  cancelPackage,
  closePackage,
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../src/app/packages.ts';
import { listRequirement } from '../../src/app/requirements.ts';
import { linkClaim, recordClaim, recordSource } from '../../src/app/sources.ts';
import type { Db } from '../../src/db/index.ts';
import { type AppFixture, eventOf, expectRefusal, openAppFixture, TODAY, TOMORROW } from '../support/app-fixtures.ts';

async function packageRow(db: Db, id: string) {
  return db.selectFrom('rm_packages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function eventData(db: Db, eventId: string): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('events').select('data').where('event_id', '=', eventId).executeTakeFirstOrThrow();
  return row.data as Record<string, unknown>;
}

/**
 * One PURL package end to end: the Netherlands (EUR 300M) and Canada (USD 200M) fund a EUR 500M Patriot package;
 * 10 missiles (EUR 400M) and 2 radars (EUR 100M) are shipped together, 4 missiles arrive first, then the rest.
 */
describe('a package from requirement to closure, through the use cases', () => {
  let f: AppFixture;
  /** After each step: the package's status and delivered share. */
  const trail: [step: string, status: string, share: string][] = [];
  const ids = { nlPledge: '', caPledge: '', nlPayment: '', caPayment: '', fullReceipt: '', claimRecorded: '' };

  beforeAll(async () => {
    f = await openAppFixture();
    const { deps, request: rq, db } = f;
    const step = async (name: string, run: () => Promise<CommandResult>): Promise<CommandResult> => {
      const result = await run();
      const row = await packageRow(db, 'pkg-1').catch(() => undefined);
      trail.push([name, row?.status ?? '-', row ? `${row.delivered_num}/${row.delivered_den}` : '-']);
      return result;
    };

    await step('requirement listed', () =>
      listRequirement(deps, rq, {
        id: 'req-patriot',
        recipientId: 'ua',
        priorityRank: 1,
        title: { uk: 'Ракети Patriot', en: 'Patriot missiles', ru: 'Ракеты Patriot' },
        category: 'air-defence',
        quantity: 10,
        unit: 'missiles',
        estimatedValue: { amount: '400000000', currency: 'EUR' },
        occurredOn: '2025-08-01',
      }),
    );
    await step('proposed', () =>
      proposePackage(deps, rq, {
        id: 'pkg-1',
        title: { en: 'PURL package: Patriot' },
        recipientId: 'ua',
        coordinatorId: 'nsatu',
        supplierId: 'us',
        category: 'air-defence',
        targetValue: { amount: '500000000.00', currency: 'EUR' },
        lines: [
          {
            lineId: 'missiles',
            requirementId: 'req-patriot',
            description: 'Patriot PAC-3 missiles',
            quantity: 10,
            unit: 'missiles',
            value: { amount: '400000000', currency: 'EUR' },
          },
          {
            lineId: 'radars',
            description: 'AN/MPQ-65 radars',
            quantity: 2,
            value: { amount: '100000000', currency: 'EUR' },
          },
        ],
        occurredOn: '2025-08-04',
      }),
    );
    await step('validated', () =>
      validatePackage(deps, rq, 'pkg-1', { coordinatorId: 'nsatu', occurredOn: '2025-08-05' }),
    );
    ids.nlPledge = eventOf(
      await step('nl pledged', () =>
        pledgeContribution(deps, rq, {
          id: 'ctb-nl',
          donorId: 'nl',
          packageId: 'pkg-1',
          amount: { amount: '300000000', currency: 'EUR' },
          occurredOn: '2025-08-03', // a Sunday: Friday 2025-08-01's rate applies
        }),
      ),
      'ContributionPledged',
    );
    ids.caPledge = eventOf(
      await step('ca pledged', () =>
        pledgeContribution(deps, rq, {
          id: 'ctb-ca',
          donorId: 'ca',
          packageId: 'pkg-1',
          amount: { amount: '200000000', currency: 'USD' },
          occurredOn: '2025-08-05',
        }),
      ),
      'ContributionPledged',
    );
    await step('nl committed', () => commitContribution(deps, rq, 'ctb-nl', { occurredOn: '2025-08-06' }));
    await step('ca committed', () => commitContribution(deps, rq, 'ctb-ca', { occurredOn: '2025-08-06' }));
    ids.nlPayment = eventOf(
      await step('nl paid in part', () =>
        payContribution(deps, rq, 'ctb-nl', {
          paymentId: 'pay-nl-1',
          amount: { amount: '120000000', currency: 'EUR' },
          occurredOn: '2025-08-11',
        }),
      ),
      'ContributionPaid',
    );
    await step('funded', () => fundPackage(deps, rq, 'pkg-1', { occurredOn: '2025-08-12' }));
    await step('contracted', () =>
      contractPackage(deps, rq, 'pkg-1', {
        supplierId: 'us',
        contractReference: 'FMS-UA-25-001',
        occurredOn: '2025-08-13',
      }),
    );
    await step('shipped', () =>
      dispatchShipment(deps, rq, 'pkg-1', {
        shipmentId: 'shp-1',
        lines: [
          { lineId: 'missiles', quantity: 10 },
          { lineId: 'radars', quantity: 2 },
        ],
        occurredOn: '2025-08-20',
      }),
    );
    await step('partly received', () =>
      confirmReceipt(deps, rq, 'pkg-1', {
        receiptId: 'rcp-1',
        shipmentId: 'shp-1',
        lines: [{ lineId: 'missiles', quantity: 4 }],
        occurredOn: '2025-08-28',
      }),
    );
    ids.caPayment = eventOf(
      await step('ca paid in part', () =>
        payContribution(deps, rq, 'ctb-ca', {
          paymentId: 'pay-ca-1',
          amount: { amount: '50000000', currency: 'USD' },
          occurredOn: '2025-09-01',
        }),
      ),
      'ContributionPaid',
    );
    await recordSource(deps, rq, {
      id: 'src-receipt',
      url: 'https://www.ukrinform.net/rubric-defense/purl-patriot.html',
      publisher: 'Ukrinform',
      publishedOn: '2025-09-10',
      language: 'en',
      title: 'Last Patriot missiles of the PURL package arrive',
      text: 'Ukraine has received the remaining Patriot missiles and both radars of the package paid for by the Netherlands and Canada. The delivery closes the first PURL package.',
      occurredOn: '2025-09-10',
    });
    ids.fullReceipt = eventOf(
      await step('fully received', () =>
        confirmReceipt(deps, rq, 'pkg-1', {
          receiptId: 'rcp-2',
          shipmentId: 'shp-1',
          lines: [
            { lineId: 'missiles', quantity: 6 },
            { lineId: 'radars', quantity: 2 },
          ],
          occurredOn: '2025-09-10',
          basis: 'reported',
          evidence: ['src-receipt'],
        }),
      ),
      'DeliveryReceived',
    );
    ids.claimRecorded = eventOf(
      await recordClaim(deps, rq, {
        id: 'clm-received',
        sourceId: 'src-receipt',
        subject: { type: 'package', id: 'pkg-1' },
        donorIds: ['nl', 'ca'],
        stage: 'delivered',
        sentence: 'Ukraine has received the remaining Patriot missiles and both radars of the package',
        occurredOn: '2025-09-10',
      }),
      'ClaimRecorded',
    );
    await linkClaim(deps, rq, 'clm-received', { eventId: ids.fullReceipt, occurredOn: '2025-09-10' });
    await step('closed', () => closePackage(deps, rq, 'pkg-1', { occurredOn: '2025-09-15' }));
  });
  afterAll(() => f?.cleanup());

  it('moves the package proposed → validated → funded → contracted → in-transit → partially-delivered → delivered → closed', () => {
    expect(trail).toEqual([
      ['requirement listed', '-', '-'],
      ['proposed', 'proposed', '0/1'],
      ['validated', 'validated', '0/1'],
      ['nl pledged', 'validated', '0/1'],
      ['ca pledged', 'validated', '0/1'],
      ['nl committed', 'validated', '0/1'],
      ['ca committed', 'validated', '0/1'],
      ['nl paid in part', 'validated', '0/1'],
      ['funded', 'funded', '0/1'],
      ['contracted', 'contracted', '0/1'],
      ['shipped', 'in-transit', '0/1'],
      // 4 of 10 missiles, the missiles line weighing 400M of 500M: 0.4 × 0.8 = 8/25
      ['partly received', 'partially-delivered', '8/25'],
      ['ca paid in part', 'partially-delivered', '8/25'],
      ['fully received', 'delivered', '1/1'],
      ['closed', 'closed', '1/1'],
    ]);
  });

  it('keeps on rm_packages the date of every stage and the pledged, committed and paid cents of both donors', async () => {
    expect(await packageRow(f.db, 'pkg-1')).toMatchObject({
      status: 'closed',
      supplier_id: 'us',
      target_currency: 'EUR',
      target_eur: '50000000000',
      target_usd: '57855000000', // 500M × 1.1571 (2025-08-04)
      // every stage at its pledge's rate: nl EUR 300M (USD at 2025-08-01's 1.1404: 342,120,000.00)
      // + ca USD 200M (EUR at 2025-08-05's 1.1575: 172,786,177.11)
      pledged_eur: '47278617711',
      pledged_usd: '54212000000',
      committed_eur: '47278617711',
      committed_usd: '54212000000',
      // nl EUR 120M (USD at 1.1404: 136,848,000.00) + ca USD 50M (EUR at 1.1575: 43,196,544.28)
      paid_eur: '16319654428',
      paid_usd: '18684800000',
      delivered_num: '1',
      delivered_den: '1',
      proposed_on: '2025-08-04',
      validated_on: '2025-08-05',
      funded_on: '2025-08-12',
      contracted_on: '2025-08-13',
      first_shipped_on: '2025-08-20',
      first_received_on: '2025-08-28',
      delivered_on: '2025-09-10',
      closed_on: '2025-09-15',
      cancelled_on: null,
    });
    const lines = await f.db
      .selectFrom('rm_package_lines')
      .select(['line_id', 'requirement_id', 'quantity', 'shipped', 'received'])
      .where('package_id', '=', 'pkg-1')
      .orderBy('position')
      .execute();
    expect(lines).toEqual([
      { line_id: 'missiles', requirement_id: 'req-patriot', quantity: '10', shipped: '10', received: '10' },
      { line_id: 'radars', requirement_id: null, quantity: '2', shipped: '2', received: '2' },
    ]);
  });

  it('converts every stage of a contribution at the ECB rate of its pledge’s value date, or the last publishing day before it', async () => {
    expect(await eventData(f.db, ids.caPledge)).toMatchObject({
      amount: { amount: '200000000.00', currency: 'USD' },
      // 200,000,000 / 1.1575 = 172,786,177.105… → 172,786,177.11
      equivalents: {
        eur: { amount: '172786177.11', currency: 'EUR' },
        usd: { amount: '200000000.00', currency: 'USD' },
        rateDate: '2025-08-05',
        rateSource: 'ecb',
      },
    });
    // pledged on Sunday 2025-08-03: Friday 2025-08-01's USD rate, 1.1404
    expect(await eventData(f.db, ids.nlPledge)).toMatchObject({
      equivalents: {
        eur: { amount: '300000000.00', currency: 'EUR' },
        usd: { amount: '342120000.00', currency: 'USD' },
        rateDate: '2025-08-01',
      },
    });
    expect(await eventData(f.db, ids.nlPayment)).toMatchObject({
      equivalents: { usd: { amount: '136848000.00', currency: 'USD' }, rateDate: '2025-08-01' },
    });
    // paid on 2025-09-01, converted at the pledge's 2025-08-05 rate: 50,000,000 / 1.1575 = 43,196,544.276… → .28
    expect(await eventData(f.db, ids.caPayment)).toMatchObject({
      equivalents: { eur: { amount: '43196544.28', currency: 'EUR' }, rateDate: '2025-08-05' },
    });
    const contributions = await f.db
      .selectFrom('rm_contributions')
      .select([
        'id',
        'status',
        'amount',
        'paid_amount',
        'amount_eur',
        'amount_usd',
        'paid_eur',
        'paid_usd',
        'delivered_eur',
        'delivered_usd',
        'rate_date',
        'pledged_on',
        'committed_on',
        'last_paid_on',
      ])
      .orderBy('id')
      .execute();
    expect(contributions).toEqual([
      {
        id: 'ctb-ca',
        status: 'committed',
        amount: '200000000.0000000000',
        paid_amount: '50000000.0000000000',
        amount_eur: '17278617711',
        amount_usd: '20000000000',
        paid_eur: '4319654428',
        paid_usd: '5000000000',
        delivered_eur: '17278617711',
        delivered_usd: '20000000000',
        rate_date: '2025-08-05',
        pledged_on: '2025-08-05',
        committed_on: '2025-08-06',
        last_paid_on: '2025-09-01',
      },
      {
        id: 'ctb-nl',
        status: 'committed',
        amount: '300000000.0000000000',
        paid_amount: '120000000.0000000000',
        amount_eur: '30000000000',
        amount_usd: '34212000000',
        paid_eur: '12000000000',
        paid_usd: '13684800000',
        delivered_eur: '30000000000',
        delivered_usd: '34212000000',
        rate_date: '2025-08-01',
        pledged_on: '2025-08-03',
        committed_on: '2025-08-06',
        last_paid_on: '2025-08-11',
      },
    ]);
  });

  it('sums donor totals by stage and month in EUR and USD cents that match the fixture rates exactly', async () => {
    const totals = await f.db
      .selectFrom('rm_donor_totals')
      .select(['donor_id', 'stage', 'category', 'month', 'visibility', 'eur', 'usd'])
      .orderBy('donor_id')
      .orderBy('stage')
      .orderBy('month')
      .execute();
    const row = (donor: string, stage: string, month: string, eur: string, usd: string) => ({
      donor_id: donor,
      stage,
      category: 'air-defence',
      month,
      visibility: 'public',
      eur,
      usd,
    });
    expect(totals).toEqual([
      // Canada, USD 200M at 2025-08-05's 1.1575 = EUR 172,786,177.11
      row('ca', 'committed', '2025-08-01', '17278617711', '20000000000'),
      // 8/25 delivered on 2025-08-28 (17,278,617,711 × 8/25 = 5,529,157,667.52 → …668), the rest on 2025-09-10
      row('ca', 'delivered', '2025-08-01', '5529157668', '6400000000'),
      row('ca', 'delivered', '2025-09-01', '11749460043', '13600000000'),
      row('ca', 'paid', '2025-09-01', '4319654428', '5000000000'),
      row('ca', 'pledged', '2025-08-01', '17278617711', '20000000000'),
      // the Netherlands, EUR 300M at 2025-08-01's 1.1404 = USD 342,120,000.00
      row('nl', 'committed', '2025-08-01', '30000000000', '34212000000'),
      row('nl', 'delivered', '2025-08-01', '9600000000', '10947840000'),
      row('nl', 'delivered', '2025-09-01', '20400000000', '23264160000'),
      row('nl', 'paid', '2025-08-01', '12000000000', '13684800000'),
      row('nl', 'pledged', '2025-08-01', '30000000000', '34212000000'),
    ]);
    // the stages reconcile: what was delivered adds up to what was committed, cent for cent
    for (const donor of ['ca', 'nl']) {
      const sum = (stage: string, currency: 'eur' | 'usd') =>
        totals
          .filter((total) => total.donor_id === donor && total.stage === stage)
          .reduce((acc, total) => acc + BigInt(total[currency]), 0n);
      expect(sum('delivered', 'eur')).toBe(sum('committed', 'eur'));
      expect(sum('delivered', 'usd')).toBe(sum('committed', 'usd'));
    }
  });

  it('counts each donor’s days from pledge to full delivery', async () => {
    const lags = await f.db.selectFrom('rm_delivery_lags').selectAll().orderBy('donor_id').execute();
    expect(lags).toEqual([
      { donor_id: 'ca', visibility: 'public', lag_days: 36, contributions: 1 }, // 2025-08-05 → 2025-09-10
      { donor_id: 'nl', visibility: 'public', lag_days: 38, contributions: 1 }, // 2025-08-03 → 2025-09-10
    ]);
  });

  it('files the receipt’s source, and the claim linked to the receipt, as evidence of the receipt event', async () => {
    const evidence = await f.db
      .selectFrom('rm_evidence')
      .selectAll()
      .where('event_id', '=', ids.fullReceipt)
      .orderBy('claim_id')
      .execute();
    expect(evidence).toEqual([
      { event_id: ids.fullReceipt, source_id: 'src-receipt', claim_id: '' },
      { event_id: ids.fullReceipt, source_id: 'src-receipt', claim_id: 'clm-received' },
    ]);
    const claim = await f.db
      .selectFrom('rm_claims')
      .selectAll()
      .where('id', '=', 'clm-received')
      .executeTakeFirstOrThrow();
    expect(claim).toMatchObject({
      source_id: 'src-receipt',
      subject_type: 'package',
      subject_id: 'pkg-1',
      donor_ids: ['nl', 'ca'],
      stage: 'delivered',
      linked_event_ids: [ids.fullReceipt],
    });
    const receipt = await f.db
      .selectFrom('events')
      .select('meta')
      .where('event_id', '=', ids.fullReceipt)
      .executeTakeFirstOrThrow();
    expect(receipt.meta).toMatchObject({
      basis: 'reported',
      evidence: ['src-receipt'],
      occurredOn: '2025-09-10',
      actor: 'test',
    });
  });

  it('puts on the package timeline its own events, its contributions’ events and the claims about it', async () => {
    const { rows: expected } = await sql<{ seq: string }>`
      SELECT seq::text AS seq FROM events
      WHERE stream_id IN ('package-pkg-1', 'contribution-ctb-nl', 'contribution-ctb-ca')
         OR (type = 'ClaimRecorded' AND data->'subject'->>'id' = 'pkg-1')
      ORDER BY seq
    `.execute(f.db);
    const timeline = await f.db
      .selectFrom('rm_timeline')
      .select('seq')
      .where('entity', '=', 'package:pkg-1')
      .orderBy('seq')
      .execute();
    expect(timeline.map((row) => row.seq)).toEqual(expected.map((row) => row.seq));
    expect(expected.length).toBe(8 + 6 + 1); // 8 package events, 6 contribution events, 1 claim
    const claimTimeline = await f.db
      .selectFrom('rm_timeline')
      .select('entity')
      .where('seq', '=', String(await seqOf(f.db, ids.claimRecorded)))
      .orderBy('entity')
      .execute();
    expect(claimTimeline.map((row) => row.entity)).toEqual(['claim:clm-received', 'package:pkg-1']);
  });

  it('leaves a ledger that verifies', async () => {
    expect(await verify(f.db)).toMatchObject({ ok: true });
  });
});

async function seqOf(db: Db, eventId: string): Promise<number> {
  const row = await db.selectFrom('events').select('seq').where('event_id', '=', eventId).executeTakeFirstOrThrow();
  return Number(row.seq);
}

describe('rules enforced through the use cases: a refused command changes neither ledger nor read models', () => {
  let f: AppFixture;

  beforeAll(async () => {
    f = await openAppFixture();
    const { deps, request: rq } = f;
    await proposePackage(deps, rq, {
      id: 'pkg-r',
      title: { en: 'Rules package' },
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      supplierId: 'us',
      category: 'air-defence',
      targetValue: { amount: '100000000', currency: 'EUR' },
      lines: [{ lineId: 'missiles', description: 'Patriot missiles', quantity: 10 }],
      occurredOn: '2025-08-04',
    });
    await validatePackage(deps, rq, 'pkg-r', { coordinatorId: 'nsatu', occurredOn: '2025-08-05' });
    await pledgeContribution(deps, rq, {
      id: 'ctb-r',
      donorId: 'nl',
      packageId: 'pkg-r',
      amount: { amount: '100000000', currency: 'EUR' },
      occurredOn: '2025-08-05',
    });
    await commitContribution(deps, rq, 'ctb-r', { occurredOn: '2025-08-06' });
    await payContribution(deps, rq, 'ctb-r', {
      amount: { amount: '60000000', currency: 'EUR' },
      occurredOn: '2025-08-11',
    });
    await fundPackage(deps, rq, 'pkg-r', { occurredOn: '2025-08-11' });
    await contractPackage(deps, rq, 'pkg-r', { supplierId: 'us', occurredOn: '2025-08-11' });
    await dispatchShipment(deps, rq, 'pkg-r', {
      shipmentId: 'shp-r',
      lines: [{ lineId: 'missiles', quantity: 5 }],
      occurredOn: '2025-08-20',
    });
    await confirmReceipt(deps, rq, 'pkg-r', {
      receiptId: 'rcp-r',
      shipmentId: 'shp-r',
      lines: [{ lineId: 'missiles', quantity: 3 }],
      occurredOn: '2025-08-28',
    });
    await proposePackage(deps, rq, {
      id: 'pkg-x',
      title: { en: 'Cancelled package' },
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      category: 'drones',
      targetValue: { amount: '50000000', currency: 'EUR' },
      lines: [{ description: 'Interceptor drones' }],
      occurredOn: '2025-08-05',
    });
    await cancelPackage(deps, rq, 'pkg-x', { reason: 'merged into another package', occurredOn: '2025-08-06' });
    await recordSource(deps, rq, {
      id: 'src-known',
      publisher: 'NATO',
      language: 'en',
      title: 'Statement',
      text: 'The Netherlands pays for a package.',
      occurredOn: '2025-08-04',
    });
  });
  afterAll(() => f?.cleanup());

  it('payment-exceeds-commitment: EUR 50M more on a EUR 100M commitment of which 60M is paid', async () => {
    const error = await expectRefusal(
      f.db,
      () =>
        payContribution(f.deps, f.request, 'ctb-r', {
          amount: { amount: '50000000', currency: 'EUR' },
          occurredOn: '2025-09-01',
        }),
      'payment-exceeds-commitment',
    );
    expect(error.field).toBe('amount.amount');
  });

  it('a payment up to the committed amount is still accepted after that refusal', async () => {
    await payContribution(f.deps, f.request, 'ctb-r', {
      amount: { amount: '40000000', currency: 'EUR' },
      occurredOn: '2025-09-01',
    });
    const row = await f.db
      .selectFrom('rm_contributions')
      .select('paid_amount')
      .where('id', '=', 'ctb-r')
      .executeTakeFirstOrThrow();
    expect(row.paid_amount).toBe('100000000.0000000000');
  });

  it('receipt-exceeds-shipped: 3 more missiles from a shipment that carried 5, of which 3 arrived', async () => {
    const error = await expectRefusal(
      f.db,
      () =>
        confirmReceipt(f.deps, f.request, 'pkg-r', {
          receiptId: 'rcp-too-many',
          shipmentId: 'shp-r',
          lines: [{ lineId: 'missiles', quantity: 3 }],
          occurredOn: '2025-09-01',
        }),
      'receipt-exceeds-shipped',
    );
    expect(error.field).toBe('lines[0].quantity');
  });

  it('package-cancelled: a pledge to a cancelled package', async () => {
    const error = await expectRefusal(
      f.db,
      () =>
        pledgeContribution(f.deps, f.request, {
          donorId: 'de',
          packageId: 'pkg-x',
          amount: { amount: '10000000', currency: 'EUR' },
          occurredOn: '2025-08-08',
        }),
      'package-cancelled',
    );
    expect(error.field).toBe('packageId');
  });

  it('organisation-unknown: a pledge from a donor that is not registered', async () => {
    const error = await expectRefusal(
      f.db,
      () =>
        pledgeContribution(f.deps, f.request, {
          donorId: 'atlantis',
          packageId: 'pkg-r',
          amount: { amount: '10000000', currency: 'EUR' },
          occurredOn: '2025-08-08',
        }),
      'organisation-unknown',
    );
    expect(error.field).toBe('donorId');
  });

  it('organisation-unknown: a package whose coordinator is not registered', async () => {
    const error = await expectRefusal(
      f.db,
      () =>
        proposePackage(f.deps, f.request, {
          title: { en: 'Orphan' },
          recipientId: 'ua',
          coordinatorId: 'shape',
          category: 'ammunition',
          targetValue: { amount: '1000000', currency: 'EUR' },
          lines: [{ description: 'Shells' }],
          occurredOn: '2025-08-08',
        }),
      'organisation-unknown',
    );
    expect(error.field).toBe('coordinatorId');
  });

  it('fx-rate-unavailable: a USD pledge dated 63 days after the last published rate', async () => {
    const error = await expectRefusal(
      f.db,
      () =>
        pledgeContribution(f.deps, f.request, {
          donorId: 'ca',
          packageId: 'pkg-r',
          amount: { amount: '10000000', currency: 'USD' },
          occurredOn: '2025-11-03',
        }),
      'fx-rate-unavailable',
    );
    expect(error.message).toMatch(/USD/);
  });

  it('fx-rate-unavailable: a CAD pledge dated before the first published rate', async () => {
    await expectRefusal(
      f.db,
      () =>
        pledgeContribution(f.deps, f.request, {
          donorId: 'ca',
          packageId: 'pkg-r',
          amount: { amount: '10000000', currency: 'CAD' },
          occurredOn: '2025-07-15',
        }),
      'fx-rate-unavailable',
    );
  });

  it('source-unknown: a command whose evidence names a source that was never recorded', async () => {
    const error = await expectRefusal(
      f.db,
      () =>
        pledgeContribution(f.deps, f.request, {
          donorId: 'de',
          packageId: 'pkg-r',
          amount: { amount: '10000000', currency: 'EUR' },
          occurredOn: '2025-08-08',
          evidence: ['src-known', 'src-nowhere'],
        }),
      'source-unknown',
    );
    expect(error.field).toBe('evidence[1]');
  });

  it('date-in-future: a command dated tomorrow', async () => {
    const error = await expectRefusal(
      f.db,
      () => closePackage(f.deps, f.request, 'pkg-r', { occurredOn: TOMORROW }),
      'date-in-future',
    );
    expect(error.field).toBe('occurredOn');
    expect(error.message).toContain(TODAY);
  });

  it('leaves a ledger that verifies after all the refusals', async () => {
    expect(await verify(f.db)).toMatchObject({ ok: true });
  });
});

describe('amounts converted at a rate their source states instead of the ECB’s', () => {
  let f: AppFixture;

  beforeAll(async () => {
    f = await openAppFixture();
  });
  afterAll(() => f?.cleanup());

  it('a USD amount with a stated euro rate keeps its own value as its USD equivalent', async () => {
    const result = await pledgeContribution(f.deps, f.request, {
      id: 'ctb-stated-usd',
      donorId: 'ca',
      category: 'financial',
      amount: { amount: '100000000', currency: 'USD' },
      rate: { eur: '0.9' },
      occurredOn: '2025-08-05',
    });
    expect(await eventData(f.db, eventOf(result, 'ContributionPledged'))).toMatchObject({
      equivalents: {
        eur: { amount: '90000000.00', currency: 'EUR' },
        usd: { amount: '100000000.00', currency: 'USD' },
        rateSource: 'stated',
      },
    });
  });

  it('a contribution pledged at a stated rate is committed and paid at that rate, so paying it in full pays its pledged EUR and USD', async () => {
    await pledgeContribution(f.deps, f.request, {
      id: 'ctb-stated-nok',
      donorId: 'no',
      category: 'financial',
      amount: { amount: '1000000000', currency: 'NOK' },
      rate: { eur: '0.085', usd: '0.1' },
      occurredOn: '2025-08-05',
    });
    await commitContribution(f.deps, f.request, 'ctb-stated-nok', { occurredOn: '2025-08-06' });
    await payContribution(f.deps, f.request, 'ctb-stated-nok', {
      amount: { amount: '1000000000', currency: 'NOK' },
      occurredOn: '2025-08-11',
    });
    const row = await f.db
      .selectFrom('rm_contributions')
      .select(['rate_source', 'amount_eur', 'amount_usd', 'paid_eur', 'paid_usd'])
      .where('id', '=', 'ctb-stated-nok')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      rate_source: 'stated',
      amount_eur: '8500000000',
      amount_usd: '10000000000',
      paid_eur: '8500000000',
      paid_usd: '10000000000',
    });
  });

  it('a contribution in a currency the ECB does not publish, pledged at a stated rate, is committed without restating it', async () => {
    await pledgeContribution(f.deps, f.request, {
      id: 'ctb-stated-uah',
      donorId: 'ca',
      category: 'humanitarian',
      amount: { amount: '1000000000', currency: 'UAH' },
      rate: { eur: '0.02', usd: '0.024' },
      occurredOn: '2025-08-05',
    });
    await commitContribution(f.deps, f.request, 'ctb-stated-uah', { occurredOn: '2025-08-06' });
    const row = await f.db
      .selectFrom('rm_contributions')
      .select(['status', 'amount_eur', 'amount_usd'])
      .where('id', '=', 'ctb-stated-uah')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'committed', amount_eur: '2000000000', amount_usd: '2400000000' });
  });
});

describe('a contribution pledged on a day the ECB published no rate for its currency', () => {
  let f: AppFixture;

  beforeAll(async () => {
    f = await openAppFixture();
  });
  afterAll(() => f?.cleanup());

  it('is committed at the same EUR and USD rates as its pledge', async () => {
    // 2025-08-07: USD has a rate, DKK has none (N/A), so DKK comes from 2025-08-06 and USD from 2025-08-07.
    const pledged = await pledgeContribution(f.deps, f.request, {
      id: 'ctb-dk-gap',
      donorId: 'dk',
      category: 'humanitarian',
      amount: { amount: '746390000', currency: 'DKK' },
      occurredOn: '2025-08-07',
    });
    const committed = await commitContribution(f.deps, f.request, 'ctb-dk-gap', { occurredOn: '2025-08-08' });
    const pledge = (await eventData(f.db, eventOf(pledged, 'ContributionPledged'))) as { equivalents: object };
    const commitment = (await eventData(f.db, eventOf(committed, 'ContributionCommitted'))) as { equivalents: object };
    // 746,390,000 DKK / 7.4639 = EUR 100,000,000.00
    expect(pledge.equivalents).toMatchObject({ eur: { amount: '100000000.00', currency: 'EUR' } });
    expect(commitment.equivalents).toEqual(pledge.equivalents);
  });
});
