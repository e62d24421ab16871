/** Trackers' flows as the trackers page and the donor page draw and tabulate them, and how a tracker is named. */
import { describe, expect, it } from 'vitest';
import { type FlowMonthSum, type FlowRelease, trackerTitle } from '../../../web/src/api/flows.ts';
import { flowColour, flowKeys, flowMonthSeries } from '../../../web/src/charts/flow-series.ts';

const sum = (month: string, stage: string, category: string, amount: string, flows = 1): FlowMonthSum => ({
  month,
  stage,
  category,
  flows,
  amount: { amount, currency: 'EUR' },
});

const release = (importId: string, source: string | null, label: string | null, current = true): FlowRelease => ({
  importId,
  current,
  format: 'kiel',
  file: 'data_explorer.csv',
  release: label,
  completedOn: '2026-04-10',
  rowsRead: 1079,
  flows: 2265,
  skippedRows: 0,
  source: source
    ? { id: source, title: `${source} title`, publisher: 'Kiel', url: null, publishedOn: null, language: 'en' }
    : null,
});

describe('flowKeys', () => {
  it('lists each stage and category once, stages as a flow moves, then categories', () => {
    const keys = flowKeys([
      sum('2022-02', 'allocated', 'humanitarian', '1'),
      sum('2022-02', 'committed', 'total', '1'),
      sum('2022-03', 'allocated', 'military', '1'),
      sum('2022-03', 'allocated', 'humanitarian', '1'),
      sum('2022-03', 'paid', 'humanitarian', '1'),
      sum('2022-03', 'pledged', 'humanitarian', '1'),
    ]);
    expect(keys.map((key) => key.id)).toEqual([
      'pledged:humanitarian',
      'committed:total',
      'allocated:military',
      'allocated:humanitarian',
      'paid:humanitarian',
    ]);
  });
});

describe('flowMonthSeries', () => {
  it('gives every month from the first to the last, months without flows as zero, sums added per key', () => {
    const series = flowMonthSeries([
      sum('2022-04', 'allocated', 'military', '69697000'),
      sum('2022-02', 'allocated', 'military', '2645000'),
      sum('2022-02', 'committed', 'total', '2645000'),
      sum('2022-04', 'allocated', 'military', '303'),
    ]);
    expect(series.months).toEqual(['2022-02', '2022-03', '2022-04']);
    expect(series.keys.map((key) => key.id)).toEqual(['committed:total', 'allocated:military']);
    expect(series.values).toEqual({
      'committed:total': [2645000, 0, 0],
      'allocated:military': [2645000, 0, 69697303],
    });
  });

  it('crosses a year end and is empty without rows', () => {
    expect(
      flowMonthSeries([sum('2025-11', 'paid', 'humanitarian', '1'), sum('2026-02', 'paid', 'humanitarian', '2')]),
    ).toMatchObject({
      months: ['2025-11', '2025-12', '2026-01', '2026-02'],
      values: { 'paid:humanitarian': [1, 0, 0, 2] },
    });
    expect(flowMonthSeries([])).toEqual({ months: [], keys: [], values: {} });
  });

  it('gives the keys colours apart, repeating only past the palette', () => {
    expect(new Set([0, 1, 2, 3].map(flowColour)).size).toBe(4);
    expect(flowColour(8)).toBe(flowColour(0));
  });
});

describe('naming a tracker', () => {
  it("by its releases' source titles, else their labels or files", () => {
    expect(trackerTitle({ releases: [release('k1', 'kiel-r29', 'Release 29')] })).toBe('kiel-r29 title');
    expect(trackerTitle({ releases: [release('k1', null, 'Release 29')] })).toBe('Release 29');
    expect(trackerTitle({ releases: [release('k1', null, null)] })).toBe('data_explorer.csv');
    expect(trackerTitle({ releases: [] })).toBeNull();
  });

  it('by its current release only, not the releases a later one supersedes', () => {
    const releases = [release('k1', 'kiel-r28', 'R28', false), release('k2', 'kiel-r29', 'R29')];
    expect(trackerTitle({ releases })).toBe('kiel-r29 title');
  });
});
