/**
 * The organisations an IATI activity names (reporting-org, participating-org, provider-org, recipient-country) as
 * ledger organisations: one already registered is reused, a missing one is registered through registerOrganisation.
 *
 * - A government (OrganisationType 10) whose identifier starts with a country code (`GB-GOV-1`), a European
 *   Commission identifier (`XI-IATI-EC_…`) and a recipient country are the organisation carrying that ISO code (the
 *   state, the EU), as the Kiel and FTS imports find them; when none does, the state is registered with its CLDR names.
 * - Any other organisation is `iati:` and its identifier in lower case (`iati:xm-dac-41114`), kind from its type, names
 *   from its narratives per language. Once registered, the identifier finds it again, whatever type a later mention says.
 */
import { createHash } from 'node:crypto';
import countries from 'i18n-iso-countries';
import { LANGUAGES, type Language, type Visibility } from '../../domain/facts.ts';
import type { OrganisationKind } from '../../domain/organisation/organisation.ts';
import type { IatiOrg, Narrative } from '../../ingest/formats/iati-types.ts';
import { existingStreams } from '../command.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { registerOrganisation } from '../organisations.ts';
import { countryNames } from './organisations.ts';

/** IATI OrganisationType codes and the kind each is; any other (public sector, foundation, academic…) is `other`. */
const KINDS: Readonly<Record<string, OrganisationKind>> = {
  '21': 'ngo',
  '22': 'ngo',
  '23': 'ngo',
  '24': 'ngo',
  '40': 'international-organisation',
  '70': 'supplier',
  '71': 'supplier',
  '72': 'supplier',
  '73': 'supplier',
};
const GOVERNMENT = '10';
const ID_LENGTH = 100;

/**
 * An assertId-safe id from IATI identifiers: `iati:` and the parts in lower case joined by `:`, other characters as
 * `-`. One longer than an id may be keeps its start and the start of its SHA-256, so it stays the same across files.
 */
export function iatiId(...parts: readonly string[]): string {
  const raw = parts.join(':');
  const id = `iati:${parts.map((part) => part.toLowerCase().replace(/[^a-z0-9._:-]+/g, '-')).join(':')}`;
  if (id.length <= ID_LENGTH) return id;
  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 12);
  return `${id.slice(0, ID_LENGTH - digest.length - 1)}-${digest}`;
}

/** The two-letter language of a narrative's xml:lang (`en-GB` → `en`), or null. */
const languageOf = (narrative: Narrative): string | null => narrative.lang?.toLowerCase().split('-')[0] ?? null;

/** Text in uk / en / ru from narratives: each language's own, else nothing. */
export function localized(narratives: readonly Narrative[]): Partial<Record<Language, string>> {
  const text: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    const found = narratives.find((narrative) => languageOf(narrative) === language);
    if (found) text[language] = found.text;
  }
  return text;
}

/** Names in all three languages: each language's narrative, else the first narrative, else the identifier. */
function namesOf(org: IatiOrg, fallback: string): Required<Record<Language, string>> {
  const own = localized(org.narratives);
  const first = org.narratives[0]?.text ?? fallback;
  return { uk: own.uk ?? first, en: own.en ?? first, ru: own.ru ?? first };
}

/** The ISO code an organisation stands for: a government's country, or EU for the European Commission. */
function codeOf(org: IatiOrg): string | null {
  const ref = org.ref?.toUpperCase() ?? '';
  if (ref.startsWith('XI-IATI-EC')) return 'EU';
  const prefix = /^([A-Z]{2})-/.exec(ref)?.[1];
  return org.type === GOVERNMENT && prefix && countries.isValid(prefix) ? prefix : null;
}

export interface OrganisationResolver {
  /** The id of the organisation, registered first when the ledger lacks it; null when the element names none. */
  organisation(org: IatiOrg): Promise<string | null>;
  /** The organisation carrying an ISO 3166-1 alpha-2 code, registered as a state when the ledger lacks it. */
  country(code: string): Promise<string>;
  /** Organisations this resolver registered. */
  readonly registered: readonly string[];
}

export interface ResolverContext {
  readonly deps: AppDeps;
  readonly request: RequestContext;
  readonly evidence: readonly string[];
  readonly visibility: Visibility;
}

/** A resolver for one activity: within it, an identifier resolves once, so its first mention decides its kind. */
export function organisationResolver({ deps, request, evidence, visibility }: ResolverContext): OrganisationResolver {
  const seen = new Map<string, string>();
  const registered: string[] = [];
  const facts = { evidence: [...evidence], basis: 'official' as const, visibility };

  const exists = async (id: string) => (await existingStreams(deps.db, 'organisation', [id])).size === 1;

  async function country(code: string): Promise<string> {
    const upper = code.toUpperCase();
    const carrying = await deps.db
      .selectFrom('rm_organisations')
      .select('id')
      .where('iso3166', '=', upper)
      .orderBy((eb) => eb.case().when('kind', '=', 'state').then(0).when('kind', '=', 'eu-body').then(1).else(2).end())
      .orderBy('id')
      .executeTakeFirst();
    if (carrying) return carrying.id;
    const id = upper.toLowerCase();
    if (await exists(id)) return id;
    await registerOrganisation(deps, request, {
      id,
      kind: upper === 'EU' ? 'eu-body' : 'state',
      names: countryNames(upper),
      iso3166: upper,
      ...facts,
    });
    registered.push(id);
    return id;
  }

  async function organisation(org: IatiOrg): Promise<string | null> {
    const first = org.narratives[0]?.text;
    const key = org.ref ?? (first ? `name:${first}` : null);
    if (key === null) return null;
    const known = seen.get(key);
    if (known) return known;
    const id = org.ref ? iatiId(org.ref) : iatiId('name', first ?? '');
    const code = codeOf(org);
    let found = id;
    if (!(await exists(id))) {
      if (code) found = await country(code);
      else {
        await registerOrganisation(deps, request, {
          id,
          kind: KINDS[org.type ?? ''] ?? 'other',
          names: namesOf(org, org.ref ?? id),
          iso3166: null,
          ...facts,
        });
        registered.push(id);
      }
    }
    seen.set(key, found);
    return found;
  }

  return { organisation, country, registered };
}
