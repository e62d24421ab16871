/** checkFlow: what it refuses, and that the values it remembers as good are remembered per check. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.ts';
import { checkFlow, type FlowRecord } from '../../../src/domain/flow/flow.ts';
import { sampleFlow } from '../../support/flows.ts';

const good = sampleFlow();

function refusal(flow: FlowRecord): { code: string; field: string | undefined; message: string } | null {
  try {
    checkFlow(flow);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
}

describe('checkFlow', () => {
  it('takes a good flow, again and again', () => {
    for (let time = 0; time < 3; time += 1) expect(checkFlow(good)).toBe(good);
  });

  it('refuses each wrong field with its code, in the order of the fields', () => {
    expect(refusal({ ...good, id: 'Bad Id' })).toMatchObject({ code: 'id-invalid', field: 'id' });
    expect(refusal({ ...good, donorId: 'DE' })).toMatchObject({ code: 'id-invalid', field: 'donorId' });
    expect(refusal({ ...good, recipientId: 'U A' })).toMatchObject({ code: 'id-invalid', field: 'recipientId' });
    expect(refusal({ ...good, period: '2025-13' })).toMatchObject({ code: 'date-invalid', field: 'period' });
    expect(refusal({ ...good, amount: '0.00' })).toMatchObject({ code: 'amount-not-positive', field: 'amount' });
    expect(refusal({ ...good, amount: '000' })).toMatchObject({ code: 'amount-not-positive', field: 'amount' });
    expect(refusal({ ...good, amount: '-1' })).toMatchObject({ code: 'amount-not-positive', field: 'amount' });
    expect(refusal({ ...good, currency: 'eur' })).toMatchObject({ code: 'currency-unknown', field: 'currency' });
    expect(refusal({ ...good, eur: '1e3' })).toMatchObject({ code: 'amount-invalid', field: 'eur' });
    expect(refusal({ ...good, usd: '1,000' })).toMatchObject({ code: 'amount-invalid', field: 'usd' });
    expect(refusal({ ...good, statedRate: '0,8' })).toMatchObject({ code: 'amount-invalid', field: 'statedRate' });
    expect(refusal({ ...good, donorId: 'DE', period: '2025-13' })).toMatchObject({ field: 'donorId' });
  });

  it('remembers a good value for the check it passed only', () => {
    // 'de' passed as an id, 'EUR' as a currency, '2025-03' as a period: none of them is good as anything else.
    checkFlow(good);
    expect(refusal({ ...good, period: 'de' })).toMatchObject({ field: 'period' });
    expect(refusal({ ...good, donorId: 'EUR' })).toMatchObject({ field: 'donorId' });
    expect(refusal({ ...good, currency: '2025-03' })).toMatchObject({ field: 'currency' });
    expect(refusal({ ...good, eur: '2025-03' })).toMatchObject({ field: 'eur' });
    // A refused value is refused every time.
    for (let time = 0; time < 3; time += 1) expect(refusal({ ...good, period: '2025-00' })).not.toBeNull();
  });

  it('keeps working past the 10,000 values it remembers', () => {
    for (let donor = 0; donor < 25_000; donor += 1) checkFlow({ ...good, donorId: `d${donor}` });
    expect(refusal({ ...good, donorId: 'D0' })).toMatchObject({ field: 'donorId' });
    expect(checkFlow({ ...good, donorId: 'd0' }).donorId).toBe('d0');
  });
});
