/** A donor's totals by month, as the monthly chart of its page draws them. */
import { describe, expect, it } from 'vitest';
import type { TotalRow } from '../../../web/src/api/types.ts';
import { donorMonthSeries, monthsBetween } from '../../../web/src/charts/donor-months-series.ts';

const row = (month: string, stage: TotalRow['stage'], amount: string): TotalRow => ({
  stage,
  month,
  amount: { amount, currency: 'EUR' },
});

describe('donorMonthSeries', () => {
  it('gives one series per stage, one value per month, in month order', () => {
    const series = donorMonthSeries([
      row('2025-10', 'pledged', '430218551.02'),
      row('2025-08', 'pledged', '238177723.89'),
      row('2025-08', 'delivered', '238177723.89'),
      row('2025-10', 'committed', '430218551.02'),
    ]);
    expect(series.months).toEqual(['2025-08', '2025-09', '2025-10']);
    expect(series.values.pledged).toEqual([238177723.89, 0, 430218551.02]);
    expect(series.values.committed).toEqual([0, 0, 430218551.02]);
    expect(series.values.paid).toEqual([0, 0, 0]);
    expect(series.values.delivered).toEqual([238177723.89, 0, 0]);
  });

  it("adds up the rows of several donors (a member's coalitions) month by month", () => {
    const series = donorMonthSeries([row('2025-12', 'pledged', '100.50'), row('2025-12', 'pledged', '200.25')]);
    expect(series.months).toEqual(['2025-12']);
    expect(series.values.pledged).toEqual([300.75]);
  });

  it('is empty without rows by month, and skips rows without a month', () => {
    expect(donorMonthSeries([])).toEqual({
      months: [],
      values: { pledged: [], committed: [], paid: [], delivered: [] },
    });
    const withoutMonth: TotalRow = { stage: 'paid', donorId: 'se', amount: { amount: '5', currency: 'EUR' } };
    expect(donorMonthSeries([withoutMonth]).months).toEqual([]);
  });
});

describe('monthsBetween', () => {
  it('crosses the year and includes both ends', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2025-08', '2025-08')).toEqual(['2025-08']);
  });

  it('gives nothing for a reversed or malformed range', () => {
    expect(monthsBetween('2026-01', '2025-12')).toEqual([]);
    expect(monthsBetween('2025-13', '2026-01')).toEqual([]);
  });
});
