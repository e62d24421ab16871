/**
 * The organisations an FTS flow names, as ledger organisations. A government ("Luxembourg, Government of") is its
 * state, found by ISO code; any other organisation gets a stable id from its name (`fts-<slug>`), its kind from the
 * types FTS gives it, and its FTS name in all three languages, since it is a proper name.
 */
import { createHash } from 'node:crypto';
import countries from 'i18n-iso-countries';
import type { OrganisationKind } from '../../domain/organisation/organisation.ts';
import { detach } from '../../ingest/formats/csv.ts';
import type { FtsParty } from '../../ingest/formats/fts-record.ts';
import type { ImportContext } from './context.ts';
import { type NamedOrganisation, stateOrganisation } from './organisations.ts';

const GOVERNMENT_OF = /,\s*Government of$/i;

/** FTS organisation types and the kind each is; any other type (pooled fund, foundation, bank…) is `other`. */
const KINDS: Readonly<Record<string, OrganisationKind>> = {
  'UN agency': 'international-organisation',
  'Red Cross/Red Crescent': 'international-organisation',
  'Inter-governmental': 'international-organisation',
  NGO: 'ngo',
};

/** Letters that NFKD does not take apart into a Latin letter and marks. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};

const ID_LENGTH = 100;
const PREFIX = 'fts-';

/**
 * The id of a non-state organisation: `fts-` and its name in lower-case ASCII letters and digits joined by `-`
 * ("Médecins sans Frontières" → `fts-medecins-sans-frontieres`). A name with no Latin letter or digit, or one too
 * long for an id, carries the start of its SHA-256 instead, so the id stays the same from one file to the next.
 */
export function ftsOrganisationId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøıłđðþ]/g, (letter) => LETTERS[letter] ?? '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 8);
  if (slug === '') return `${PREFIX}${digest}`;
  if (PREFIX.length + slug.length <= ID_LENGTH) return `${PREFIX}${slug}`;
  const room = ID_LENGTH - PREFIX.length - digest.length - 1;
  return `${PREFIX}${slug.slice(0, room).replace(/-+$/, '')}-${digest}`;
}

/**
 * The ISO 3166-1 alpha-2 code of a government's country, from its English name ("Korea, Republic of, Government of",
 * "Saudi Arabia (Kingdom of), Government of"), or undefined.
 */
export function governmentCountry(name: string): string | undefined {
  const bare = name.replace(GOVERNMENT_OF, '').trim();
  for (const candidate of [bare, bare.replace(/\s*\([^)]*\)$/, '')]) {
    const code = countries.getAlpha2Code(candidate, 'en');
    if (code) return code;
  }
  return undefined;
}

/** The kind FTS's types give: the one kind they all map to, else `other` ("Multiple" NGOs are `NGO,NGO`). */
function kindOf(types: readonly string[]): OrganisationKind {
  const kinds = new Set(types.map((type) => KINDS[type] ?? 'other'));
  const [kind] = kinds;
  return kinds.size === 1 && kind ? kind : 'other';
}

function organisationOf(party: FtsParty & { readonly name: string }, context: ImportContext): NamedOrganisation {
  const government = party.types.includes('Government') || GOVERNMENT_OF.test(party.name);
  const code = government ? governmentCountry(party.name) : undefined;
  if (code) return stateOrganisation(code, context);
  const id = ftsOrganisationId(party.name);
  const name = party.name.trim();
  return {
    id,
    organisation: {
      id,
      data: {
        id,
        kind: kindOf(party.types),
        names: { uk: name, en: name, ru: name },
        iso3166: null,
        members: [],
        visibility: 'public',
      },
    },
  };
}

/**
 * Maps the parties of FTS flows to organisations, each name once: the first row that names an organisation decides
 * its kind. A party without a name is null.
 */
export function ftsOrganisations(context: ImportContext): (party: FtsParty) => NamedOrganisation | null {
  const known = new Map<string, NamedOrganisation>();
  return (party) => {
    const name = party.name;
    if (name === null || name.trim() === '') return null;
    let found = known.get(name);
    if (!found) {
      // Kept for the whole file: a copy of the name that does not hold on to the chunk it was read from.
      const kept = detach(name);
      found = organisationOf({ ...party, name: kept }, context);
      known.set(kept, found);
    }
    return found;
  };
}
