import { invalid } from './errors.ts';

/** How a fact is known: from the party itself, from the press, or as an estimate (e.g. a tracker's aggregate). */
export const BASES = ['official', 'reported', 'estimate'] as const;
export type Basis = (typeof BASES)[number];

/** Who may read a record: everyone, the partner organisations, or only the organisations it involves. */
export const VISIBILITIES = ['public', 'partners', 'restricted'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const LANGUAGES = ['uk', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text in up to three languages; at least one is present. */
export type LocalizedText = Partial<Record<Language, string>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD that really exists (no 2025-02-30). */
export function assertIsoDate(value: string, field: string): string {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw invalid('date-invalid', field, `"${value}" is not a calendar date written as YYYY-MM-DD`);
  }
  return value;
}

export function assertLocalizedText(text: LocalizedText, field: string, required: readonly Language[] = []): void {
  for (const language of LANGUAGES) {
    const value = text[language];
    if (value !== undefined && value.trim() === '') {
      throw invalid('text-empty', `${field}.${language}`, `${field}.${language} must not be empty`);
    }
  }
  for (const language of required) {
    if (!text[language]) {
      throw invalid('text-missing', `${field}.${language}`, `${field} needs a ${language} version`);
    }
  }
  if (!LANGUAGES.some((language) => text[language])) {
    throw invalid('text-missing', field, `${field} needs at least one of uk, en or ru`);
  }
}

export function assertPositiveInteger(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw invalid('quantity-must-be-positive-integer', field, `${field} must be a whole number greater than zero`);
  }
  return value;
}

export function assertId(value: string, field: string): string {
  if (!/^[a-z0-9][a-z0-9._:-]{0,99}$/.test(value)) {
    throw invalid(
      'id-invalid',
      field,
      `"${value}" is not a valid id: lower-case letters, digits, and . _ : - (at most 100 characters)`,
    );
  }
  return value;
}
