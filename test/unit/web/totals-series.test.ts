/**
 * The overview's bar charts: the rows of GET /api/totals become one value per stage for each donor, month or
 * category, in the order the charts draw them.
 */
import { describe, expect, it } from 'vitest';
import type { Stage, TotalRow } from '../../../web/src/api/types.ts';
import {
  axisLabel,
  categorySeries,
  donorSeries,
  monthSeries,
  monthsBetween,
} from '../../../web/src/charts/totals-series.ts';

const row = (stage: Stage, amount: string, split: Partial<Pick<TotalRow, 'donorId' | 'month' | 'category'>>) => ({
  stage,
  ...split,
  amount: { amount, currency: 'EUR' },
});

describe('donorSeries', () => {
  const rows: TotalRow[] = [
    row('committed', '430737422.47', { donorId: 'ca' }),
    row('pledged', '553663052.46', { donorId: 'ca' }),
    row('delivered', '215368711.24', { donorId: 'ca' }),
    row('pledged', '714000000.00', { donorId: 'nl' }),
    row('committed', '500000000.00', { donorId: 'nl' }),
    row('paid', '500000000.00', { donorId: 'nl' }),
    row('delivered', '500000000.00', { donorId: 'nl' }),
    row('pledged', '429000000.00', { donorId: 'no-pl-de' }),
  ];

  it('lists donors by what they pledged, largest first, with one value per stage (zero where none)', () => {
    const table = donorSeries(rows);
    expect(table.keys).toEqual(['nl', 'ca', 'no-pl-de']);
    expect(table.values.pledged).toEqual([714_000_000, 553_663_052.46, 429_000_000]);
    expect(table.values.committed).toEqual([500_000_000, 430_737_422.47, 0]);
    expect(table.values.paid).toEqual([500_000_000, 0, 0]);
    expect(table.values.delivered).toEqual([500_000_000, 215_368_711.24, 0]);
  });

  it('orders donors never pledged after the others, by id, and ignores rows without a donor', () => {
    const table = donorSeries([
      row('committed', '5', { donorId: 'se' }),
      row('committed', '9', { donorId: 'dk' }),
      row('pledged', '1', { donorId: 'ee' }),
      row('pledged', '100', {}),
    ]);
    expect(table.keys).toEqual(['ee', 'dk', 'se']);
    expect(table.values.committed).toEqual([0, 9, 5]);
  });

  it('draws nothing from no rows', () => {
    expect(donorSeries([])).toEqual({ keys: [], values: { pledged: [], committed: [], paid: [], delivered: [] } });
  });
});

describe('monthSeries', () => {
  it('runs from the first month to the last, months with nothing recorded as zeros', () => {
    const table = monthSeries([
      row('pledged', '765925629.99', { month: '2025-12' }),
      row('committed', '1359999429.36', { month: '2025-08' }),
      row('pledged', '1790736851.83', { month: '2025-08' }),
      row('delivered', '106737255.58', { month: '2025-10' }),
    ]);
    expect(table.keys).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    expect(table.values.pledged).toEqual([1_790_736_851.83, 0, 0, 0, 765_925_629.99]);
    expect(table.values.committed).toEqual([1_359_999_429.36, 0, 0, 0, 0]);
    expect(table.values.delivered).toEqual([0, 0, 106_737_255.58, 0, 0]);
  });

  it('sums rows that share a month and stage (rows split by month and donor too)', () => {
    const table = monthSeries([
      { ...row('paid', '10.50', { month: '2026-01' }), donorId: 'se' },
      { ...row('paid', '4.50', { month: '2026-01' }), donorId: 'dk' },
    ]);
    expect(table.keys).toEqual(['2026-01']);
    expect(table.values.paid).toEqual([15]);
  });

  it('counts months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2025-08', '2025-08')).toEqual(['2025-08']);
    expect(monthsBetween('2025-09', '2025-08')).toEqual([]);
  });
});

describe('categorySeries', () => {
  it('lists categories by what was pledged for them', () => {
    const table = categorySeries([
      row('pledged', '100', { category: 'ammunition' }),
      row('pledged', '2986881032.84', { category: 'air-defence' }),
      row('delivered', '1468630885.03', { category: 'air-defence' }),
    ]);
    expect(table.keys).toEqual(['air-defence', 'ammunition']);
    expect(table.values.pledged).toEqual([2_986_881_032.84, 100]);
    expect(table.values.delivered).toEqual([1_468_630_885.03, 0]);
  });
});

describe('axisLabel', () => {
  it('drops a trailing parenthesis and cuts a long name after a word', () => {
    expect(axisLabel('Norway, Poland and Germany (joint PURL package)')).toBe('Norway, Poland and Germany');
    expect(axisLabel('Nordic-Baltic Eight')).toBe('Nordic-Baltic Eight');
    expect(axisLabel('NATO Security Assistance and Training for Ukraine (NSATU), Wiesbaden')).toBe(
      'NATO Security Assistance and…',
    );
    expect(axisLabel('Норвегія, Польща та Німеччина (спільний пакет PURL)')).toBe('Норвегія, Польща та Німеччина');
    expect(axisLabel('(only a parenthesis)')).toBe('(only a parenthesis)');
    expect(axisLabel('Протиповітряна оборона')).toBe('Протиповітряна оборона');
  });
});
