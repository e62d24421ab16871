/**
 * The organisation a command acts for: a role held for one organisation does not act for another. For every command
 * whose roles count only in their own organisation, a person with the right role for ANOTHER organisation sends a
 * body that is then accepted from someone holding it for the organisation the record belongs to: the first is a
 * 403 `not-permitted` that leaves the ledger as it was. The cases follow one package from requirement to closing, so
 * that each accepted body is one a real holder of the role would send at that point.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, type Action, PERMISSIONS, type Role } from '../../src/domain/access.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { signedIn } from '../support/people.ts';

type Made = Readonly<Partial<Record<Action, string>>>;

interface OwnCase {
  readonly action: Action;
  readonly method: 'POST' | 'PATCH';
  readonly url: string | ((made: Made) => string);
  readonly body: Record<string, unknown>;
  readonly role: Role;
  /** The organisation the record (or the body) acts for. */
  readonly owner: string;
  /** Where the refused person holds the role instead. */
  readonly other: string;
  readonly status: 200 | 201;
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const planner = { role: 'recipient-planner', owner: 'ua', other: 'nl' } as const;
const coordinator = { role: 'coordinator', owner: 'nsatu', other: 'us' } as const;
const donor = { role: 'donor-officer', owner: 'nl', other: 'de' } as const;
const administrator = { role: 'administrator', owner: 'nl', other: 'de' } as const;
const grant = { organisationId: 'nl', role: 'donor-officer' };

const CASES: readonly OwnCase[] = [
  {
    action: 'ListRequirement',
    method: 'POST',
    url: '/api/requirements',
    body: { id: 'req-1', recipientId: 'ua', priorityRank: 1, title: { en: 'Patriot' }, category: 'air-defence' },
    ...planner,
    status: 201,
  },
  {
    action: 'AmendRequirement',
    method: 'PATCH',
    url: '/api/requirements/req-1',
    body: { unit: 'rounds' },
    ...planner,
    status: 200,
  },
  {
    action: 'ReprioritiseRequirement',
    method: 'POST',
    url: '/api/requirements/req-1/reprioritise',
    body: { priorityRank: 2 },
    ...planner,
    status: 200,
  },
  {
    action: 'WithdrawRequirement',
    method: 'POST',
    url: '/api/requirements/req-2/withdraw',
    body: { reason: 'covered' },
    ...planner,
    status: 200,
  },
  {
    action: 'DraftPriorityList',
    method: 'POST',
    url: '/api/priority-lists',
    body: { recipientId: 'ua', period: '2025-09', requirementIds: ['req-1'] },
    ...planner,
    status: 201,
  },
  {
    action: 'ApprovePriorityList',
    method: 'POST',
    url: '/api/priority-lists/ua/2025-09/approve',
    body: { approverId: 'nsatu' },
    ...coordinator,
    status: 200,
  },
  {
    action: 'ProposePackage',
    method: 'POST',
    url: '/api/packages',
    body: {
      id: 'pkg-1',
      title: { en: 'PURL package: Patriot' },
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      supplierId: 'us',
      category: 'air-defence',
      targetValue: eur('300000000'),
      lines: [{ lineId: 'missiles', requirementId: 'req-1', description: 'PAC-3 missiles', quantity: 10 }],
      occurredOn: '2025-08-04',
    },
    ...coordinator,
    status: 201,
  },
  {
    action: 'ValidatePackage',
    method: 'POST',
    url: '/api/packages/pkg-1/validate',
    body: { coordinatorId: 'nsatu', occurredOn: '2025-08-05' },
    ...coordinator,
    status: 200,
  },
  {
    action: 'PledgeContribution',
    method: 'POST',
    url: '/api/contributions',
    body: { id: 'ctb-nl', donorId: 'nl', packageId: 'pkg-1', amount: eur('300000000'), occurredOn: '2025-08-05' },
    ...donor,
    status: 201,
  },
  {
    action: 'CommitContribution',
    method: 'POST',
    url: '/api/contributions/ctb-nl/commit',
    body: { occurredOn: '2025-08-06' },
    ...donor,
    status: 200,
  },
  {
    action: 'PayContribution',
    method: 'POST',
    url: '/api/contributions/ctb-nl/payments',
    body: { paymentId: 'pay-1', amount: eur('100000000'), occurredOn: '2025-08-11' },
    ...donor,
    status: 200,
  },
  {
    action: 'AmendContribution',
    method: 'POST',
    url: '/api/contributions/ctb-nl/amend',
    body: { amount: eur('320000000'), reason: 'revised', occurredOn: '2025-08-12' },
    ...donor,
    status: 200,
  },
  {
    action: 'WithdrawContribution',
    method: 'POST',
    url: '/api/contributions/ctb-2/withdraw',
    body: { reason: 'redirected' },
    ...donor,
    status: 200,
  },
  {
    action: 'FundPackage',
    method: 'POST',
    url: '/api/packages/pkg-1/fund',
    body: { occurredOn: '2025-08-12' },
    ...coordinator,
    status: 200,
  },
  {
    action: 'ContractPackage',
    method: 'POST',
    url: '/api/packages/pkg-1/contract',
    body: { supplierId: 'us', contractReference: 'FMS-1', occurredOn: '2025-08-13' },
    ...coordinator,
    status: 200,
  },
  {
    action: 'DispatchShipment',
    method: 'POST',
    url: '/api/packages/pkg-1/shipments',
    body: { shipmentId: 'shp-1', lines: [{ lineId: 'missiles', quantity: 10 }], occurredOn: '2025-08-20' },
    ...coordinator,
    status: 200,
  },
  {
    action: 'ConfirmReceipt',
    method: 'POST',
    url: '/api/packages/pkg-1/receipts',
    body: {
      receiptId: 'rcp-1',
      shipmentId: 'shp-1',
      lines: [{ lineId: 'missiles', quantity: 10 }],
      full: true,
      occurredOn: '2025-08-25',
    },
    ...planner,
    status: 200,
  },
  {
    action: 'ClosePackage',
    method: 'POST',
    url: '/api/packages/pkg-1/close',
    body: { occurredOn: '2025-09-01' },
    ...coordinator,
    status: 200,
  },
  {
    action: 'CancelPackage',
    method: 'POST',
    url: '/api/packages/pkg-2/cancel',
    body: { reason: 'not needed' },
    ...coordinator,
    status: 200,
  },
  { action: 'GrantRole', method: 'POST', url: '/api/people/target/roles', body: grant, ...administrator, status: 200 },
  {
    action: 'RevokeRole',
    method: 'POST',
    url: '/api/people/target/roles/revoke',
    body: grant,
    ...administrator,
    status: 200,
  },
  {
    action: 'IssueToken',
    method: 'POST',
    url: '/api/tokens',
    body: { ...grant, label: 'ministry feed' },
    ...administrator,
    status: 201,
  },
  {
    action: 'RevokeToken',
    method: 'POST',
    url: (made) => `/api/tokens/${made.IssueToken}/revoke`,
    body: { reason: 'rotated' },
    ...administrator,
    status: 200,
  },
];

describe('own scope: a role counts only for its own organisation', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  const sessions = new Map<string, Record<string, string>>();
  const made: Partial<Record<Action, string>> = {};

  /** A person holding just this role in just this organisation, signed in once. */
  async function holder(role: Role, organisationId: string): Promise<Record<string, string>> {
    const key = `${role}.${organisationId}`;
    let headers = sessions.get(key);
    if (!headers) {
      headers = await signedIn(app, f.deps, key, [{ organisationId, role }]);
      sessions.set(key, headers);
    }
    return headers;
  }

  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind }, { signInsPerMinute: 1000 });
    // The records the later cases act on, made by someone who may do anything.
    const setup = await signedIn(app, f.deps, 'setup');
    await signedIn(app, f.deps, 'target', []);
    for (const [url, payload] of [
      [
        '/api/requirements',
        { id: 'req-2', recipientId: 'ua', priorityRank: 3, title: { en: 'Radars' }, category: 'air-defence' },
      ],
      [
        '/api/contributions',
        { id: 'ctb-2', donorId: 'nl', category: 'air-defence', amount: eur('5000000'), occurredOn: '2025-08-04' },
      ],
      [
        '/api/packages',
        {
          id: 'pkg-2',
          title: { en: 'Spare' },
          recipientId: 'ua',
          coordinatorId: 'nsatu',
          category: 'training',
          targetValue: eur('1'),
          lines: [{ description: 'Simulators' }],
          occurredOn: '2025-08-04',
        },
      ],
    ] as const) {
      const response = await app.inject({ method: 'POST', url, payload, headers: setup });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  it('has a case for every command whose roles count only in their own organisation', () => {
    const own = ACTIONS.filter((action) => Object.values(PERMISSIONS[action]).includes('own'));
    expect(CASES.map((each) => each.action).sort()).toEqual([...own].sort());
  });

  it.each(CASES.map((each) => [each.action, each.role, each.other, each.owner, each] as const))(
    '%s: refused to a holder of %s in %s, accepted from one in %s',
    async (_action, _role, _other, _owner, each) => {
      const url = typeof each.url === 'string' ? each.url : each.url(made);
      const outsider = await holder(each.role, each.other);
      const insider = await holder(each.role, each.owner);
      const before = await ledgerState(f.db);
      const refused = await app.inject({ method: each.method, url, payload: each.body, headers: outsider });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'not-permitted' });
      expect(await ledgerState(f.db)).toEqual(before);

      const accepted = await app.inject({ method: each.method, url, payload: each.body, headers: insider });
      expect(accepted.statusCode, accepted.body).toBe(each.status);
      const answer = accepted.json<{ id?: string; result?: { id: string } }>();
      made[each.action] = answer.result?.id ?? answer.id;
    },
  );
});
