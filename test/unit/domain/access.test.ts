import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ANONYMOUS,
  aggregateVisibilities,
  EVERY_ORGANISATION,
  FULL_SCOPE,
  type Grant,
  mayRead,
  operator,
  type Principal,
  PUBLIC_SCOPE,
  permits,
  readScopeOf,
} from '../../../src/domain/access.ts';

const person = (...grants: Grant[]): Principal => ({ kind: 'user', actor: 'person:test', grants });
const token = (grant: Grant): Principal => ({ kind: 'token', actor: 'token:tok-1', grants: [grant] });

describe('permits: what a principal may do, and for which organisation', () => {
  it('lets a donor officer act for their own donor, and for no other', () => {
    const olena = person({ organisationId: 'nl', role: 'donor-officer' });
    expect(permits(olena, 'PledgeContribution', 'nl')).toBe(true);
    expect(permits(olena, 'CommitContribution', 'nl')).toBe(true);
    expect(permits(olena, 'PledgeContribution', 'de')).toBe(false);
  });

  it('answers "for some organisation" when the organisation is not known yet', () => {
    const olena = person({ organisationId: 'nl', role: 'donor-officer' });
    expect(permits(olena, 'PledgeContribution')).toBe(true);
    expect(permits(olena, 'ProposePackage')).toBe(false);
  });

  it('lets a role held in every organisation act for any one of them', () => {
    const hub = person({ organisationId: EVERY_ORGANISATION, role: 'coordinator' });
    expect(permits(hub, 'ValidatePackage', 'nsatu')).toBe(true);
    expect(permits(hub, 'ValidatePackage', 'us')).toBe(true);
  });

  it('lets a role whose scope is "any" act whichever organisation it is held in', () => {
    const curator = person({ organisationId: 'nl', role: 'curator' });
    expect(permits(curator, 'RecordSource', null)).toBe(true);
    expect(permits(curator, 'AdoptClaim', 'de')).toBe(true);
  });

  it('counts each grant on its own: a role in one organisation and another role in a second do not combine', () => {
    const mixed = person(
      { organisationId: 'nl', role: 'coordinator' },
      { organisationId: 'de', role: 'donor-officer' },
    );
    expect(permits(mixed, 'PledgeContribution', 'nl')).toBe(false);
    expect(permits(mixed, 'PledgeContribution', 'de')).toBe(true);
    expect(permits(mixed, 'ProposePackage', 'nl')).toBe(true);
  });

  it('lets either a recipient planner or a coordinator approve a priority list for their own organisation', () => {
    expect(permits(person({ organisationId: 'ua', role: 'recipient-planner' }), 'ApprovePriorityList', 'ua')).toBe(
      true,
    );
    expect(permits(person({ organisationId: 'nsatu', role: 'coordinator' }), 'ApprovePriorityList', 'nsatu')).toBe(
      true,
    );
    expect(permits(person({ organisationId: 'ua', role: 'donor-officer' }), 'ApprovePriorityList', 'ua')).toBe(false);
  });

  it('never lets an auditor change anything, even in every organisation', () => {
    const auditor = person({ organisationId: EVERY_ORGANISATION, role: 'auditor' });
    const allowed = ACTIONS.filter((action) => permits(auditor, action, 'nl'));
    expect(allowed.sort()).toEqual(['ReadAudit', 'ReadPeople']);
  });

  it('lets an administrator manage people only in their own organisation', () => {
    const admin = person({ organisationId: 'nl', role: 'administrator' });
    expect(permits(admin, 'GrantRole', 'nl')).toBe(true);
    expect(permits(admin, 'GrantRole', 'de')).toBe(false);
    expect(permits(admin, 'IssueToken', 'de')).toBe(false);
    expect(permits(admin, 'AddPerson', null)).toBe(true);
  });

  it('lets a token act exactly as its one role in its one organisation', () => {
    const feed = token({ organisationId: 'de', role: 'donor-officer' });
    expect(permits(feed, 'PayContribution', 'de')).toBe(true);
    expect(permits(feed, 'PayContribution', 'nl')).toBe(false);
    expect(permits(feed, 'RecordSource', null)).toBe(false);
  });

  it('lets a visitor do nothing at all', () => {
    expect(ACTIONS.filter((action) => permits(ANONYMOUS, action)).length).toBe(0);
    expect(ACTIONS.filter((action) => permits(ANONYMOUS, action, 'nl')).length).toBe(0);
  });

  it('lets the operator (who holds the data folder) do everything for everyone', () => {
    const cli = operator('cli');
    expect(ACTIONS.every((action) => permits(cli, action, 'anyone'))).toBe(true);
  });
});

describe('readScopeOf: what a principal may read', () => {
  it('shows a visitor public records only', () => {
    expect(readScopeOf(ANONYMOUS)).toEqual(PUBLIC_SCOPE);
  });

  it('shows everything to the operator, to auditors (wherever they hold the role) and to instance administrators', () => {
    expect(readScopeOf(operator('cli'))).toEqual(FULL_SCOPE);
    expect(readScopeOf(person({ organisationId: 'nl', role: 'auditor' }))).toEqual(FULL_SCOPE);
    expect(readScopeOf(person({ organisationId: EVERY_ORGANISATION, role: 'administrator' }))).toEqual(FULL_SCOPE);
  });

  it("shows an organisation's administrator partners' records and their own, not everything", () => {
    expect(readScopeOf(person({ organisationId: 'nl', role: 'administrator' }))).toEqual({
      all: false,
      partner: true,
      organisations: ['nl'],
    });
  });

  it('shows a signed-in person the restricted records of each organisation they hold a role in, once each', () => {
    const scope = readScopeOf(
      person(
        { organisationId: 'nl', role: 'donor-officer' },
        { organisationId: 'ua', role: 'recipient-planner' },
        { organisationId: 'nl', role: 'curator' },
      ),
    );
    expect(scope).toEqual({ all: false, partner: true, organisations: ['nl', 'ua'] });
  });

  it('treats a signed-in person without any role as a visitor', () => {
    expect(readScopeOf(person())).toEqual(PUBLIC_SCOPE);
  });
});

describe('mayRead: whether a record may be read', () => {
  const donorOfNl = readScopeOf(person({ organisationId: 'nl', role: 'donor-officer' }));

  it('lets anyone read a public record', () => {
    expect(mayRead(PUBLIC_SCOPE, 'public', ['nl'])).toBe(true);
    expect(mayRead(PUBLIC_SCOPE, 'public', [])).toBe(true);
  });

  it("lets partners, not visitors, read a partners' record, whoever it involves", () => {
    expect(mayRead(donorOfNl, 'partners', ['de'])).toBe(true);
    expect(mayRead(PUBLIC_SCOPE, 'partners', ['de'])).toBe(false);
  });

  it('lets only the parties to a restricted record read it', () => {
    expect(mayRead(donorOfNl, 'restricted', ['de', 'nl'])).toBe(true);
    expect(mayRead(donorOfNl, 'restricted', ['de'])).toBe(false);
    expect(mayRead(donorOfNl, 'restricted', [null])).toBe(false);
    expect(mayRead(PUBLIC_SCOPE, 'restricted', ['nl'])).toBe(false);
  });

  it('lets a full scope read a restricted record that names no party', () => {
    expect(mayRead(FULL_SCOPE, 'restricted', [])).toBe(true);
  });

  it('never mixes restricted records into aggregates unless the reader sees everything', () => {
    expect(aggregateVisibilities(PUBLIC_SCOPE)).toEqual(['public']);
    expect(aggregateVisibilities(donorOfNl)).toEqual(['public', 'partners']);
    expect(aggregateVisibilities(FULL_SCOPE)).toEqual(['public', 'partners', 'restricted']);
  });
});
