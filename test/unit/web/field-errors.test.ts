/**
 * Where the workspace shows each refusal of a command (web/src/forms/field-errors.ts): beside the field the problem
 * names, nested paths included, and at the top of the form when it names none of the form's fields.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../web/src/api/client.ts';
import { fieldFor, firstInvalid, isWithin, mapProblem, renamePath } from '../../../web/src/forms/field-errors.ts';
import { MissingField, missingFieldProblem, money, numberOf, required } from '../../../web/src/forms/form-values.ts';

const problem = (extra: Partial<Problem> & Pick<Problem, 'code'>): Problem => ({
  type: `https://tranche.dev/problems/${extra.code}`,
  title: 'Refused',
  status: 400,
  detail: 'refused',
  ...extra,
});

const PLEDGE = ['donorId', 'packageId', 'amount.amount', 'amount.currency', 'rate.eur', 'occurredOn', 'evidence'];
const PACKAGE = [
  'title',
  'title.uk',
  'title.en',
  'coordinatorId',
  'targetValue.amount',
  'targetValue.currency',
  'lines',
  'lines[0]',
  'lines[0].requirementId',
  'lines[0].description',
  'lines[0].quantity',
  'lines[1]',
  'lines[1].description',
  'lines[1].quantity',
];

describe('field errors', () => {
  it('tells whether a path lies inside another', () => {
    expect(isWithin('lines[0].quantity', 'lines')).toBe(true);
    expect(isWithin('lines[0].quantity', 'lines[0]')).toBe(true);
    expect(isWithin('amount.amount', 'amount')).toBe(true);
    expect(isWithin('amounts', 'amount')).toBe(false);
    expect(isWithin('lines[10].quantity', 'lines[1]')).toBe(false);
  });

  it('puts a domain refusal beside the field it names', () => {
    const mapped = mapProblem(
      problem({
        code: 'amount-must-be-positive',
        field: 'amount.amount',
        detail: 'the amount must be greater than zero',
      }),
      PLEDGE,
    );
    expect([...mapped.fields.keys()]).toEqual(['amount.amount']);
    expect(mapped.fields.get('amount.amount')).toEqual([
      { field: 'amount.amount', code: 'amount-must-be-positive', message: 'the amount must be greater than zero' },
    ]);
    expect(mapped.general).toEqual([]);
  });

  it('puts each validation error of a request beside its field, nested ones included', () => {
    const mapped = mapProblem(
      problem({
        code: 'request-invalid',
        field: 'coordinatorId',
        errors: [
          { field: 'coordinatorId', code: 'field-required', message: 'required (string)' },
          { field: 'lines[1].quantity', code: 'invalid-type', message: 'expected number' },
          { field: 'targetValue', code: 'field-required', message: 'required (object)' },
        ],
      }),
      PACKAGE,
    );
    expect(mapped.fields.get('coordinatorId')?.[0]?.code).toBe('field-required');
    expect(mapped.fields.get('lines[1].quantity')?.[0]?.code).toBe('invalid-type');
    // A missing object is shown at its first field.
    expect(mapped.fields.get('targetValue.amount')?.[0]).toEqual({
      field: 'targetValue',
      code: 'field-required',
      message: 'required (object)',
    });
    expect(mapped.general).toEqual([]);
    expect(firstInvalid(mapped, PACKAGE)).toBe('coordinatorId');
  });

  it('shows a problem about a group under the group, and one inside a field the form lacks at its holder', () => {
    expect(fieldFor('lines', PACKAGE)).toBe('lines');
    expect(fieldFor('title', PACKAGE)).toBe('title');
    expect(fieldFor('lines[0].value.amount', PACKAGE)).toBe('lines[0]');
    expect(fieldFor('lines[1].unit', PACKAGE)).toBe('lines[1]');
    expect(fieldFor('evidence[1]', PLEDGE)).toBe('evidence');
    expect(fieldFor('rate', PLEDGE)).toBe('rate.eur');
    expect(fieldFor('', PLEDGE)).toBeUndefined();
    expect(fieldFor('recipientId', PLEDGE)).toBeUndefined();
  });

  it('keeps at the top what names no field of the form', () => {
    const conflict = problem({ code: 'stream-version-conflict', status: 409 });
    expect(mapProblem(conflict, PLEDGE)).toEqual({ fields: new Map(), general: [conflict] });
    const mapped = mapProblem(problem({ code: 'package-cancelled', field: 'packageId', detail: 'cancelled' }), [
      'donorId',
      'category',
    ]);
    expect(mapped.fields.size).toBe(0);
    expect(mapped.general).toEqual([{ field: 'packageId', code: 'package-cancelled', message: 'cancelled' }]);
    const unknown = mapProblem(
      problem({ code: 'request-invalid', errors: [{ field: 'colour', code: 'field-unknown', message: 'unknown' }] }),
      PLEDGE,
    );
    expect(unknown.general).toEqual([{ field: 'colour', code: 'field-unknown', message: 'unknown' }]);
  });

  it("renames the request's rows to the form's when the form left some out", () => {
    const aliases = new Map([
      ['lines[0]', 'lines[2]'],
      ['lines[1]', 'lines[3].included'],
    ]);
    expect(renamePath('lines[0].quantity', aliases)).toBe('lines[2].quantity');
    expect(renamePath('lines[1]', aliases)).toBe('lines[3].included');
    expect(renamePath('lines[10].quantity', aliases)).toBe('lines[10].quantity');
    expect(renamePath('shipmentId', aliases)).toBe('shipmentId');
    const mapped = mapProblem(
      problem({ code: 'shipment-exceeds-ordered', field: 'lines[0].quantity', status: 422 }),
      ['packageId', 'lines', 'lines[0].quantity', 'lines[1].quantity', 'lines[2].quantity'],
      aliases,
    );
    expect([...mapped.fields.keys()]).toEqual(['lines[2].quantity']);
  });
});

describe('form values', () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(entries)) data.set(name, value);
    return data;
  };

  it('reads an amount as a decimal string and leaves out an empty one', () => {
    expect(money(form({ 'amount.amount': ' 1 500 000.50 ', 'amount.currency': 'EUR' }), 'amount')).toEqual({
      amount: '1500000.50',
      currency: 'EUR',
    });
    expect(money(form({ 'amount.amount': '', 'amount.currency': 'EUR' }), 'amount')).toBeUndefined();
  });

  it('reads numbers, passing on what is not one for the API to refuse', () => {
    expect(numberOf(form({ quantity: '12' }), 'quantity')).toBe(12);
    expect(numberOf(form({ quantity: 'twelve' }), 'quantity')).toBe('twelve');
    expect(numberOf(form({ quantity: '' }), 'quantity')).toBeUndefined();
  });

  it('refuses before sending when the path needs a value that is missing, as the API would', () => {
    expect(() => required(form({ packageId: '' }), 'packageId')).toThrow(MissingField);
    const mapped = mapProblem(missingFieldProblem('packageId'), ['packageId', 'coordinatorId']);
    expect(mapped.fields.get('packageId')?.[0]?.code).toBe('field-required');
  });
});
