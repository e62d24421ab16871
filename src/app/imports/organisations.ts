/**
 * The organisations an import names: states (and the EU) by their code, reusing the organisation the ledger already
 * holds for it, or a new one with the CLDR names in uk / en / ru.
 */
import type { ImportContext } from './context.ts';
import type { NewOrganisation } from './engine.ts';

const EU_NAMES = { en: 'European Union', uk: 'Європейський Союз', ru: 'Европейский союз' };

/** An organisation a row refers to: its id, and the organisation to register when the ledger may lack it. */
export interface NamedOrganisation {
  readonly id: string;
  readonly organisation: NewOrganisation | null;
}

type NameLanguage = 'en' | 'uk' | 'ru';

/** One Intl.DisplayNames per language, made when first asked for (an import names hundreds of states). */
const displayNames = new Map<NameLanguage, Intl.DisplayNames>();

function regionName(language: NameLanguage, code: string): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' });
    displayNames.set(language, names);
  }
  return names.of(code) ?? code;
}

/** The CLDR names of a country (or the EU's) in uk / en / ru. */
export function countryNames(code: string): { readonly en: string; readonly uk: string; readonly ru: string } {
  if (code === 'EU') return EU_NAMES;
  return { en: regionName('en', code), uk: regionName('uk', code), ru: regionName('ru', code) };
}

/** The organisation carrying the code (ISO 3166-1 alpha-2 or EU), or a new one (id: the code in lower case). */
export function stateOrganisation(code: string, context: ImportContext): NamedOrganisation {
  const existing = context.organisationByCode.get(code);
  if (existing) return { id: existing, organisation: null };
  const id = code.toLowerCase();
  const names = countryNames(code);
  return {
    id,
    organisation: {
      id,
      data: { id, kind: code === 'EU' ? 'eu-body' : 'state', names, iso3166: code, members: [], visibility: 'public' },
    },
  };
}
