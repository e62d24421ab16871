import { describe, it } from 'vitest';
import {
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationProfile,
  organisationDecider,
} from '../../../src/domain/organisation/organisation.ts';
import { given } from '../../support/given.ts';

type Register = Extract<OrganisationCommand, { type: 'RegisterOrganisation' }>;
type Amend = Extract<OrganisationCommand, { type: 'AmendOrganisation' }>;

const NO_MEMBERS: ReadonlySet<string> = new Set();
const NAMES = { uk: 'Норвегія', en: 'Norway', ru: 'Норвегия' };

function register(overrides: Partial<Register> = {}): Register {
  return {
    type: 'RegisterOrganisation',
    id: 'no',
    kind: 'state',
    names: NAMES,
    iso3166: 'NO',
    visibility: 'public',
    knownMembers: NO_MEMBERS,
    ...overrides,
  };
}

const amend = (overrides: Partial<Amend> = {}): Amend => ({
  type: 'AmendOrganisation',
  knownMembers: NO_MEMBERS,
  ...overrides,
});

const registered = (overrides: Partial<{ id: string } & OrganisationProfile> = {}): OrganisationEvent => ({
  type: 'OrganisationRegistered',
  data: { id: 'no', kind: 'state', names: NAMES, iso3166: 'NO', members: [], visibility: 'public', ...overrides },
});

const NORDIC_NAMES = {
  uk: 'Данія, Норвегія і Швеція',
  en: 'Denmark, Norway and Sweden',
  ru: 'Дания, Норвегия и Швеция',
};
const coalition = registered({
  id: 'nordics',
  kind: 'coalition',
  names: NORDIC_NAMES,
  iso3166: null,
  members: ['dk', 'no'],
});

describe('organisation: RegisterOrganisation', () => {
  it('registers a state with its ISO code in capitals and its names trimmed', () => {
    given(organisationDecider)
      .when(register({ iso3166: 'no', names: { uk: ' Норвегія ', en: 'Norway ', ru: 'Норвегия' } }))
      .then([registered()]);
  });

  it.each([null, undefined, ''])('a state needs its ISO 3166 code (given %s)', (iso3166) => {
    given(organisationDecider).when(register({ iso3166 })).thenFails('iso-3166-code-required', 'iso3166');
  });

  it.each(['ZZ', 'UK', 'N0', 'Norway'])('refuses "%s": not an ISO 3166-1 country code', (iso3166) => {
    given(organisationDecider).when(register({ iso3166 })).thenFails('iso-3166-code-invalid', 'iso3166');
  });

  // DOMAIN BUG (reported): i18n-iso-countries' isValid also accepts alpha-3 and numeric codes, so a state is
  // registered with iso3166 "NOR" or "578" although the field holds ISO 3166-1 alpha-2 codes.
  it.each(['NOR', '578'])('refuses "%s": a state is identified by its alpha-2 code only', (iso3166) => {
    given(organisationDecider).when(register({ iso3166 })).thenFails('iso-3166-code-invalid', 'iso3166');
  });

  it('an EU institution carries the code EU', () => {
    const names = { uk: 'Європейська комісія', en: 'European Commission', ru: 'Европейская комиссия' };
    given(organisationDecider)
      .when(register({ id: 'eu-commission', kind: 'eu-body', names, iso3166: 'eu' }))
      .then([registered({ id: 'eu-commission', kind: 'eu-body', names, iso3166: 'EU' })]);
  });

  it('an organisation that is not a state needs no ISO code', () => {
    const names = { uk: 'NSATU', en: 'NSATU', ru: 'NSATU' };
    given(organisationDecider)
      .when(register({ id: 'nsatu', kind: 'coordinating-command', names, iso3166: undefined }))
      .then([registered({ id: 'nsatu', kind: 'coordinating-command', names, iso3166: null })]);
  });

  it.each(['uk', 'en', 'ru'] as const)('needs a name in %s', (language) => {
    const names = { ...NAMES, [language]: undefined };
    given(organisationDecider).when(register({ names })).thenFails('text-missing', `names.${language}`);
  });

  it('refuses a blank name', () => {
    given(organisationDecider)
      .when(register({ names: { ...NAMES, en: '  ' } }))
      .thenFails('text-empty', 'names.en');
  });

  it('a coalition is made of registered organisations', () => {
    given(organisationDecider)
      .when(
        register({
          id: 'nordics',
          kind: 'coalition',
          names: NORDIC_NAMES,
          iso3166: null,
          members: ['dk', 'no'],
          knownMembers: new Set(['dk', 'no']),
        }),
      )
      .then([coalition]);
  });

  it('refuses a coalition member that is not registered', () => {
    given(organisationDecider)
      .when(
        register({
          id: 'nordics',
          kind: 'coalition',
          names: NORDIC_NAMES,
          iso3166: null,
          members: ['dk', 'se'],
          knownMembers: new Set(['dk']),
        }),
      )
      .thenFails('organisation-unknown', 'members[1]');
  });

  it('lists each coalition member once', () => {
    given(organisationDecider)
      .when(
        register({
          id: 'nordics',
          kind: 'coalition',
          names: NORDIC_NAMES,
          iso3166: null,
          members: ['dk', 'dk'],
          knownMembers: new Set(['dk']),
        }),
      )
      .thenFails('members-duplicated', 'members');
  });

  it('only a coalition has members', () => {
    given(organisationDecider)
      .when(register({ members: ['dk'], knownMembers: new Set(['dk']) }))
      .thenFails('members-only-for-coalitions', 'members');
  });

  it('an organisation is registered once', () => {
    given(organisationDecider, registered()).when(register()).thenFails('organisation-already-registered', 'id');
  });

  it('refuses a malformed id', () => {
    given(organisationDecider)
      .when(register({ id: 'Norway' }))
      .thenFails('id-invalid', 'id');
  });
});

describe('organisation: AmendOrganisation', () => {
  it('amends the names', () => {
    const names = { uk: 'Королівство Норвегія', en: 'Kingdom of Norway', ru: 'Королевство Норвегия' };
    given(organisationDecider, registered())
      .when(amend({ names }))
      .then([{ type: 'OrganisationAmended', data: { names } }]);
  });

  it('amends the names with all three languages only', () => {
    given(organisationDecider, registered())
      .when(amend({ names: { en: 'Kingdom of Norway' } }))
      .thenFails('text-missing', 'names.uk');
  });

  it('amends a coalition’s members, each registered', () => {
    given(organisationDecider, coalition)
      .when(amend({ members: ['dk', 'no', 'se'], knownMembers: new Set(['dk', 'no', 'se']) }))
      .then([{ type: 'OrganisationAmended', data: { members: ['dk', 'no', 'se'] } }]);
    given(organisationDecider, coalition)
      .when(amend({ members: ['dk', 'no', 'se'], knownMembers: new Set(['dk', 'no']) }))
      .thenFails('organisation-unknown', 'members[2]');
  });

  it('gives members only to a coalition', () => {
    given(organisationDecider, registered())
      .when(amend({ members: ['dk'], knownMembers: new Set(['dk']) }))
      .thenFails('members-only-for-coalitions', 'members');
  });

  it('corrects a state’s ISO code but cannot remove it', () => {
    given(organisationDecider, registered({ iso3166: 'NE' }))
      .when(amend({ iso3166: 'no' }))
      .then([{ type: 'OrganisationAmended', data: { iso3166: 'NO' } }]);
    given(organisationDecider, registered())
      .when(amend({ iso3166: null }))
      .thenFails('iso-3166-code-required', 'iso3166');
    given(organisationDecider, registered())
      .when(amend({ iso3166: 'XX' }))
      .thenFails('iso-3166-code-invalid', 'iso3166');
  });

  it('names at least one thing to change', () => {
    given(organisationDecider, registered()).when(amend()).thenFails('nothing-to-change');
  });

  it('an organisation that is not registered cannot be amended', () => {
    given(organisationDecider)
      .when(amend({ names: NAMES }))
      .thenFails('organisation-unknown');
  });
});
