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

/** The CLDR names of a country (or the EU's) in uk / en / ru. */
export function countryNames(code: string): { readonly en: string; readonly uk: string; readonly ru: string } {
  const name = (language: 'en' | 'uk' | 'ru') => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  return code === 'EU' ? EU_NAMES : { en: name('en'), uk: name('uk'), ru: name('ru') };
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
