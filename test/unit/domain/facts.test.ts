import { describe, expect, it } from 'vitest';
import { assertCategory } from '../../../src/domain/categories.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { assertId, assertIsoDate, assertLocalizedText, assertPositiveInteger } from '../../../src/domain/facts.ts';

/** Runs `action` and returns the DomainError it throws as `{ code, field, kind }`. */
function refusal(action: () => unknown): { code: string; field: string | undefined; kind: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, kind: error.kind };
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('facts: shared input rules', () => {
  it.each(['2024-02-29', '2025-12-31', '2025-01-01'])('accepts the calendar date %s', (date) => {
    expect(assertIsoDate(date, 'occurredOn')).toBe(date);
  });

  it.each(['2025-02-29', '2025-04-31', '2025-13-01', '2025-1-1', '20250101', '2025-01-01T00:00:00Z', ''])(
    'refuses "%s": not a calendar date written as YYYY-MM-DD',
    (date) => {
      expect(refusal(() => assertIsoDate(date, 'occurredOn'))).toEqual({
        code: 'date-invalid',
        field: 'occurredOn',
        kind: 'invalid',
      });
    },
  );

  it.each(['purl-nl-1', 'ua', 'figure:package:p1:pledged', 'a.b_c', 'x'.repeat(100)])('accepts the id "%s"', (id) => {
    expect(assertId(id, 'id')).toBe(id);
  });

  it.each(['PURL', '-leading', 'with space', 'x'.repeat(101), ''])('refuses the id "%s"', (id) => {
    expect(refusal(() => assertId(id, 'id'))).toEqual({ code: 'id-invalid', field: 'id', kind: 'invalid' });
  });

  it('localised text needs one language unless more are required, and no blank version', () => {
    expect(() => assertLocalizedText({ ru: 'Пакет' }, 'title')).not.toThrow();
    expect(refusal(() => assertLocalizedText({}, 'title'))).toEqual({
      code: 'text-missing',
      field: 'title',
      kind: 'invalid',
    });
    expect(refusal(() => assertLocalizedText({ en: 'Package', uk: '' }, 'title'))).toEqual({
      code: 'text-empty',
      field: 'title.uk',
      kind: 'invalid',
    });
    expect(refusal(() => assertLocalizedText({ en: 'Package', uk: 'Пакет' }, 'names', ['uk', 'en', 'ru']))).toEqual({
      code: 'text-missing',
      field: 'names.ru',
      kind: 'invalid',
    });
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN])('refuses the quantity %s', (quantity) => {
    expect(refusal(() => assertPositiveInteger(quantity, 'quantity'))).toEqual({
      code: 'quantity-must-be-positive-integer',
      field: 'quantity',
      kind: 'invalid',
    });
  });

  it('knows the categories and refuses others', () => {
    expect(assertCategory('air-defence', 'category').kiel).toBe('military');
    expect(assertCategory('humanitarian', 'category').dacSector).toBe('72010');
    expect(refusal(() => assertCategory('Air defence', 'lines[0].category'))).toEqual({
      code: 'category-unknown',
      field: 'lines[0].category',
      kind: 'invalid',
    });
  });
});
