/**
 * The donor map: which states are shaded and how dark, from `by=donor` totals and the organisations' ISO codes, and
 * which donors it cannot place (coalitions, states it does not draw).
 */
import { describe, expect, it } from 'vitest';
import type { Organisation, Stage, TotalRow } from '../../../web/src/api/types.ts';
import { numericOf } from '../../../web/src/charts/iso-numeric.ts';
import { mapSeries, niceStep, quantizeBounds, stepOf } from '../../../web/src/charts/map-series.ts';

const organisation = (id: string, kind: Organisation['kind'], iso3166: string | null, members: string[] = []) => ({
  id,
  kind,
  iso3166,
  names: { en: id },
  members,
  visibility: 'public' as const,
});
const row = (stage: Stage, donorId: string, amount: string): TotalRow => ({
  stage,
  donorId,
  amount: { amount, currency: 'EUR' },
});

const organisations: Organisation[] = [
  organisation('se', 'state', 'SE'),
  organisation('dk', 'state', 'DK'),
  organisation('nl', 'state', 'NL'),
  organisation('ca', 'state', 'CA'),
  organisation('mt', 'state', 'MT'),
  organisation('nb8', 'coalition', null, ['dk', 'se']),
  organisation('no-pl-de', 'coalition', null, ['no', 'pl', 'de']),
  organisation('nsatu', 'coordinating-command', null),
];
/** The atlas draws these (Malta is too small for 1:110 m). */
const drawn = new Set(['752', '208', '528', '124']);

describe('ISO 3166-1 numeric codes', () => {
  it('match the atlas ids, three digits, for either case of the alpha-2 code', () => {
    expect(numericOf('SE')).toBe('752');
    expect(numericOf('be')).toBe('056');
    expect(numericOf('US')).toBe('840');
    expect(numericOf('UA')).toBe('804');
    expect(numericOf('ZZ')).toBeUndefined();
  });
});

describe('legend steps', () => {
  it('rounds the step up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(100_000_000)).toBe(100_000_000);
    expect(niceStep(99_800_000)).toBe(100_000_000);
    expect(niceStep(110_000_000)).toBe(200_000_000);
    expect(niceStep(230_000_000)).toBe(250_000_000);
    expect(niceStep(0)).toBe(1);
  });

  it('splits 0 … max into five equal steps; the top value falls in the last', () => {
    const bounds = quantizeBounds(500_000_000);
    expect(bounds).toEqual([0, 100_000_000, 200_000_000, 300_000_000, 400_000_000, 500_000_000]);
    expect(stepOf(77_949_073.27, bounds)).toBe(0);
    expect(stepOf(100_000_000, bounds)).toBe(1);
    expect(stepOf(238_177_723.89, bounds)).toBe(2);
    expect(stepOf(500_000_000, bounds)).toBe(4);
  });
});

describe('mapSeries', () => {
  const rows = [
    row('pledged', 'nl', '714000000.00'),
    row('committed', 'nl', '500000000.00'),
    row('committed', 'ca', '430737422.47'),
    row('committed', 'se', '238177723.89'),
    row('committed', 'dk', '77949073.27'),
    row('committed', 'mt', '1000000.00'),
    row('committed', 'nb8', '430218551.02'),
    row('pledged', 'no-pl-de', '429000000.00'),
  ];

  it('shades each donor state by its committed total, largest first, with the exact amount to show', () => {
    const series = mapSeries(rows, organisations, 'committed', drawn);
    expect(series.bounds).toEqual([0, 100_000_000, 200_000_000, 300_000_000, 400_000_000, 500_000_000]);
    expect(series.states.map((state) => [state.donorId, state.numeric, state.step])).toEqual([
      ['nl', '528', 4],
      ['ca', '124', 4],
      ['se', '752', 2],
      ['dk', '208', 0],
    ]);
    expect(series.states[2]?.money).toEqual({ amount: '238177723.89', currency: 'EUR' });
  });

  it('names the coalitions, even with nothing at the stage, and the states it cannot draw', () => {
    const series = mapSeries(rows, organisations, 'committed', drawn);
    expect(series.offMap).toEqual([
      { donorId: 'nb8', money: { amount: '430218551.02', currency: 'EUR' }, reason: 'coalition' },
      { donorId: 'no-pl-de', money: { amount: '0', currency: 'EUR' }, reason: 'coalition' },
      { donorId: 'mt', money: { amount: '1000000.00', currency: 'EUR' }, reason: 'not-drawn' },
    ]);
  });

  it('shades by another stage when asked, leaving out donors with nothing at it', () => {
    const series = mapSeries(rows, organisations, 'pledged', drawn);
    expect(series.states.map((state) => state.donorId)).toEqual(['nl']);
    expect(series.bounds.at(-1)).toBe(1_000_000_000);
  });

  it('lists a donor that is not a state, or unknown, as not drawn', () => {
    const series = mapSeries(
      [row('committed', 'nsatu', '5.00'), row('committed', 'xx', '7.00')],
      organisations,
      'committed',
      drawn,
    );
    expect(series.states).toEqual([]);
    expect(series.offMap.map((donor) => [donor.donorId, donor.reason])).toEqual([
      ['nsatu', 'not-drawn'],
      ['xx', 'not-drawn'],
    ]);
  });
});
