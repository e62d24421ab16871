import countries from 'i18n-iso-countries';
import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, assertLocalizedText, type LocalizedText, type Visibility } from '../facts.ts';

export const ORGANISATION_KINDS = [
  'state',
  'eu-body',
  'coordinating-command',
  'supplier',
  'coalition',
  'international-organisation',
  'ngo',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationProfile {
  readonly kind: OrganisationKind;
  /** Names in uk, en and ru: all three are required, since the portal shows every name in every language. */
  readonly names: Required<LocalizedText>;
  /** ISO 3166-1 alpha-2 for a state (and `EU` for EU institutions). */
  readonly iso3166: string | null;
  /** For a coalition: the organisations it is made of. */
  readonly members: readonly string[];
  readonly visibility: Visibility;
}

export type OrganisationEvent =
  | DomainEvent<'OrganisationRegistered', { id: string } & OrganisationProfile>
  | DomainEvent<'OrganisationAmended', Partial<Pick<OrganisationProfile, 'names' | 'members' | 'iso3166'>>>;

export type OrganisationCommand =
  | {
      type: 'RegisterOrganisation';
      id: string;
      kind: OrganisationKind;
      names: LocalizedText;
      iso3166?: string | null;
      members?: readonly string[];
      visibility: Visibility;
      /** Which of `members` are registered organisations (the app looks them up). */
      knownMembers: ReadonlySet<string>;
    }
  | {
      type: 'AmendOrganisation';
      names?: LocalizedText;
      members?: readonly string[];
      iso3166?: string | null;
      knownMembers: ReadonlySet<string>;
    };

export type OrganisationState =
  | { status: 'unregistered' }
  | ({ status: 'registered'; id: string } & OrganisationProfile);

function checkIso(kind: OrganisationKind, iso: string | null | undefined): string | null {
  if (iso === undefined || iso === null || iso === '') {
    if (kind === 'state')
      throw invalid('iso-3166-code-required', 'iso3166', 'a state needs its ISO 3166-1 alpha-2 code');
    return null;
  }
  const upper = iso.toUpperCase();
  if (upper === 'EU') {
    if (kind === 'eu-body') return upper;
    throw invalid('iso-3166-code-invalid', 'iso3166', '"EU" is the code of EU institutions, not of a state');
  }
  // i18n-iso-countries also accepts alpha-3 and numeric codes; the ledger keeps alpha-2 only.
  if (!/^[A-Z]{2}$/.test(upper) || !countries.isValid(upper)) {
    throw invalid('iso-3166-code-invalid', 'iso3166', `"${iso}" is not an ISO 3166-1 alpha-2 country code`);
  }
  return upper;
}

function checkMembers(
  kind: OrganisationKind,
  members: readonly string[],
  known: ReadonlySet<string>,
): readonly string[] {
  if (kind !== 'coalition' && members.length > 0) {
    throw invalid('members-only-for-coalitions', 'members', 'only a coalition has member organisations');
  }
  members.forEach((member, index) => {
    if (!known.has(member)) {
      throw notFound(
        'organisation-unknown',
        `member "${member}" is not a registered organisation`,
        `members[${index}]`,
      );
    }
  });
  if (new Set(members).size !== members.length) {
    throw invalid('members-duplicated', 'members', 'a coalition lists each member once');
  }
  return members;
}

function checkNames(names: LocalizedText): Required<LocalizedText> {
  assertLocalizedText(names, 'names', ['uk', 'en', 'ru']);
  return { uk: names.uk?.trim() ?? '', en: names.en?.trim() ?? '', ru: names.ru?.trim() ?? '' };
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  streamType: 'organisation',
  initialState: { status: 'unregistered' },

  /** Registering organisations is the hub's and the administrators' work, not one organisation's. */
  actingFor: () => null,

  decide(command, state) {
    switch (command.type) {
      case 'RegisterOrganisation': {
        if (state.status === 'registered') {
          throw ruleBroken(
            'organisation-already-registered',
            `organisation "${command.id}" is already registered`,
            'id',
          );
        }
        const members = command.members ?? [];
        return [
          {
            type: 'OrganisationRegistered',
            data: {
              id: assertId(command.id, 'id'),
              kind: command.kind,
              names: checkNames(command.names),
              iso3166: checkIso(command.kind, command.iso3166),
              members: checkMembers(command.kind, members, command.knownMembers),
              visibility: command.visibility,
            },
          },
        ];
      }
      case 'AmendOrganisation': {
        if (state.status !== 'registered') throw notFound('organisation-unknown', 'no such organisation');
        const data: Partial<Pick<OrganisationProfile, 'names' | 'members' | 'iso3166'>> = {
          ...(command.names ? { names: checkNames(command.names) } : {}),
          ...(command.members ? { members: checkMembers(state.kind, command.members, command.knownMembers) } : {}),
          ...(command.iso3166 !== undefined ? { iso3166: checkIso(state.kind, command.iso3166) } : {}),
        };
        if (Object.keys(data).length === 0)
          throw invalid('nothing-to-change', 'names', 'name at least one thing to change');
        return [{ type: 'OrganisationAmended', data }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrganisationRegistered':
        return { status: 'registered', ...event.data };
      case 'OrganisationAmended':
        return state.status === 'registered' ? { ...state, ...event.data } : state;
      default:
        return unreachable(event);
    }
  },
};
