import { describe, expect, it } from 'vitest';
import {
  type AcceptedProposal,
  type ClaimCommand,
  type ClaimEvent,
  type ClaimRecord,
  type ClaimStage,
  claimDecider,
} from '../../../src/domain/claim/claim.ts';
import { given } from '../../support/given.ts';

type RecordClaim = Extract<ClaimCommand, { type: 'RecordClaim' }>;

const SOURCE_TEXT = `Denmark, Norway and Sweden will jointly fund a package
of US weapons for Ukraine worth   about $500 million,  NATO said.
The package includes Patriot components.`;

const SENTENCE =
  'Denmark, Norway and Sweden will jointly fund a package of US weapons for Ukraine worth about $500 million';

function recordClaim(overrides: Partial<RecordClaim> = {}): RecordClaim {
  return {
    type: 'RecordClaim',
    id: 'claim-nordic-500',
    sourceId: 'src-article-1',
    sourceText: SOURCE_TEXT,
    subject: { type: 'package', id: 'purl-nordic-1' },
    subjectKnown: true,
    donorIds: ['dk', 'no', 'se'],
    knownDonors: new Set(['dk', 'no', 'se']),
    stage: 'pledged',
    amount: { amount: '500000000', currency: 'USD' },
    statedOn: '2025-08-05',
    sentence: SENTENCE,
    visibility: 'public',
    ...overrides,
  };
}

const recorded = (overrides: Partial<ClaimRecord> = {}): ClaimEvent => ({
  type: 'ClaimRecorded',
  data: {
    id: 'claim-nordic-500',
    sourceId: 'src-article-1',
    subject: { type: 'package', id: 'purl-nordic-1' },
    donorIds: ['dk', 'no', 'se'],
    stage: 'pledged',
    amount: { amount: '500000000.00', currency: 'USD' },
    statedOn: '2025-08-05',
    sentence: SENTENCE,
    visibility: 'public',
    ...overrides,
  },
});

const link = (eventId: string, eventStreamId: string | null): ClaimCommand => ({
  type: 'LinkClaim',
  eventId,
  eventStreamId,
});
const linked = (eventId: string, streamId: string): ClaimEvent => ({
  type: 'ClaimLinked',
  data: { eventId, streamId },
});

/** A value as untyped input (a request body) may carry it, past the compile-time check. */
const unchecked = <T extends string>(value: string): T => value as T;

describe('claim: RecordClaim', () => {
  it('records a claim whose sentence appears in the source', () => {
    given(claimDecider).when(recordClaim()).then([recorded()]);
  });

  it('finds the sentence in the source whatever its line breaks, spacing and letter case', () => {
    const quoted =
      '  denmark, norway and sweden   WILL jointly fund a package of us weapons\tfor Ukraine worth about $500 MILLION ';
    given(claimDecider)
      .when(recordClaim({ sentence: quoted }))
      .then([recorded({ sentence: quoted.trim() })]);
  });

  it('the sentence must appear in the source text', () => {
    given(claimDecider)
      .when(recordClaim({ sentence: 'Denmark, Norway and Sweden will jointly fund a package worth $585 million' }))
      .thenFails('claim-sentence-not-in-source', 'sentence');
  });

  it('words split differently are not the same sentence', () => {
    given(claimDecider)
      .when(recordClaim({ sentence: 'PatriotComponents' }))
      .thenFails('claim-sentence-not-in-source', 'sentence');
  });

  it('quotes a sentence', () => {
    given(claimDecider)
      .when(recordClaim({ sentence: ' \n ' }))
      .thenFails('text-empty', 'sentence');
  });

  it('the source is recorded', () => {
    given(claimDecider)
      .when(recordClaim({ sourceText: null }))
      .thenFails('source-unknown', 'sourceId');
  });

  it('refuses a stage that is not pledged, committed, paid or delivered', () => {
    given(claimDecider)
      .when(recordClaim({ stage: unchecked<ClaimStage>('announced') }))
      .thenFails('stage-invalid', 'stage');
  });

  it('the subject exists', () => {
    given(claimDecider)
      .when(recordClaim({ subjectKnown: false }))
      .thenFails('package-unknown', 'subject.id');
    given(claimDecider)
      .when(recordClaim({ subject: { type: 'contribution', id: 'no-purl-1' }, subjectKnown: false }))
      .thenFails('contribution-unknown', 'subject.id');
  });

  it('a claim may have no subject yet', () => {
    given(claimDecider)
      .when(recordClaim({ subject: null, subjectKnown: false }))
      .then([recorded({ subject: null })]);
  });

  it('the donors are registered organisations', () => {
    given(claimDecider)
      .when(recordClaim({ knownDonors: new Set(['dk', 'se']) }))
      .thenFails('organisation-unknown', 'donorIds[1]');
  });

  it('a claim may state no amount or date', () => {
    given(claimDecider)
      .when(recordClaim({ amount: null, statedOn: null }))
      .then([recorded({ amount: null, statedOn: null })]);
  });

  it('refuses an amount that is not positive, not precise to the currency, or not in an ISO currency', () => {
    given(claimDecider)
      .when(recordClaim({ amount: { amount: '0', currency: 'USD' } }))
      .thenFails('amount-must-be-positive', 'amount.amount');
    given(claimDecider)
      .when(recordClaim({ amount: { amount: '0.5', currency: 'JPY' } }))
      .thenFails('amount-too-precise', 'amount.amount');
    given(claimDecider)
      .when(recordClaim({ amount: { amount: '500', currency: 'US$' } }))
      .thenFails('currency-not-iso-4217', 'amount.currency');
  });

  it('refuses a date that does not exist', () => {
    given(claimDecider)
      .when(recordClaim({ statedOn: '2025-02-29' }))
      .thenFails('date-invalid', 'statedOn');
  });

  it('refuses a malformed id', () => {
    given(claimDecider)
      .when(recordClaim({ id: 'Claim 1' }))
      .thenFails('id-invalid', 'id');
  });

  it('a claim is recorded once', () => {
    given(claimDecider, recorded()).when(recordClaim()).thenFails('claim-already-recorded', 'id');
  });
});

describe('claim: LinkClaim', () => {
  it('links a claim as evidence to an event of its subject', () => {
    given(claimDecider, recorded())
      .when(link('evt-1', 'package-purl-nordic-1'))
      .then([linked('evt-1', 'package-purl-nordic-1')]);
  });

  it('a claim without a subject links to any event', () => {
    given(claimDecider, recorded({ subject: null }))
      .when(link('evt-9', 'contribution-no-purl-1'))
      .then([linked('evt-9', 'contribution-no-purl-1')]);
  });

  it('links only to events about the claim’s subject', () => {
    given(claimDecider, recorded())
      .when(link('evt-2', 'package-purl-de-1'))
      .thenFails('claim-subject-mismatch', 'eventId');
    given(claimDecider, recorded())
      .when(link('evt-3', 'contribution-purl-nordic-1'))
      .thenFails('claim-subject-mismatch', 'eventId');
  });

  it('links to an event once', () => {
    given(claimDecider, recorded(), linked('evt-1', 'package-purl-nordic-1'))
      .when(link('evt-1', 'package-purl-nordic-1'))
      .thenFails('claim-already-linked', 'eventId');
  });

  it('links to another event of the same subject', () => {
    given(claimDecider, recorded(), linked('evt-1', 'package-purl-nordic-1'))
      .when(link('evt-4', 'package-purl-nordic-1'))
      .then([linked('evt-4', 'package-purl-nordic-1')]);
  });

  it('the event exists', () => {
    given(claimDecider, recorded()).when(link('evt-404', null)).thenFails('event-unknown', 'eventId');
  });

  it('the claim exists', () => {
    given(claimDecider).when(link('evt-1', 'package-purl-nordic-1')).thenFails('claim-unknown');
  });
});

describe('claim: RecordClaim accepting a proposal', () => {
  const proposal = (overrides: Partial<AcceptedProposal> = {}): AcceptedProposal => ({
    key: '0123456789abcdef',
    known: true,
    acceptedAs: null,
    rejected: false,
    unresolvedDonors: [],
    ...overrides,
  });

  it('records the claim with the key of the proposal it accepts', () => {
    given(claimDecider)
      .when(recordClaim({ proposal: proposal() }))
      .then([recorded({ proposalKey: '0123456789abcdef' })]);
  });

  it('the source’s text proposes that key', () => {
    given(claimDecider)
      .when(recordClaim({ proposal: proposal({ known: false }) }))
      .thenFails('proposal-unknown', 'key');
  });

  it('a proposal is reviewed once: not accepted twice, nor after it was rejected (409)', () => {
    const twice = given(claimDecider)
      .when(recordClaim({ proposal: proposal({ acceptedAs: 'clm-0001' }) }))
      .thenFails('proposal-already-reviewed', 'key');
    expect(twice.kind).toBe('conflict');
    given(claimDecider)
      .when(recordClaim({ proposal: proposal({ rejected: true }) }))
      .thenFails('proposal-already-reviewed', 'key');
  });

  it('every donor code the proposal names is an organisation’s, unless the curator names the donors', () => {
    given(claimDecider)
      .when(recordClaim({ proposal: proposal({ unresolvedDonors: ['FI'] }) }))
      .thenFails('organisation-unknown', 'donorIds');
  });

  it('the source is recorded before anything else is checked', () => {
    given(claimDecider)
      .when(recordClaim({ sourceText: null, proposal: proposal({ known: false }) }))
      .thenFails('source-unknown', 'sourceId');
  });

  it('the sentence a curator puts instead still has to appear in the source', () => {
    given(claimDecider)
      .when(recordClaim({ proposal: proposal(), sentence: 'Sweden paid everything.' }))
      .thenFails('claim-sentence-not-in-source', 'sentence');
  });
});

describe('claim: RecordClaim with a link', () => {
  it('records the claim and links it to the event in one step', () => {
    given(claimDecider)
      .when(recordClaim({ link: { eventId: 'evt-7', eventStreamId: 'package-purl-nordic-1' } }))
      .then([recorded(), linked('evt-7', 'package-purl-nordic-1')]);
  });

  it('the event exists', () => {
    given(claimDecider)
      .when(recordClaim({ link: { eventId: 'evt-404', eventStreamId: null } }))
      .thenFails('event-unknown', 'eventId');
  });

  it('the event is about the claim’s subject', () => {
    given(claimDecider)
      .when(recordClaim({ link: { eventId: 'evt-2', eventStreamId: 'package-purl-de-1' } }))
      .thenFails('claim-subject-mismatch', 'eventId');
  });

  it('a claim without a subject links to any event', () => {
    given(claimDecider)
      .when(recordClaim({ subject: null, link: { eventId: 'evt-9', eventStreamId: 'contribution-se-1' } }))
      .then([recorded({ subject: null }), linked('evt-9', 'contribution-se-1')]);
  });
});

describe('claim: events recorded before proposal keys existed', () => {
  it('fold, and the claim links as before', () => {
    const old = recorded();
    expect(old.data).not.toHaveProperty('proposalKey');
    given(claimDecider, old)
      .when(link('evt-1', 'package-purl-nordic-1'))
      .then([linked('evt-1', 'package-purl-nordic-1')]);
  });
});
