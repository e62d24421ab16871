import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../src/ingest/extract/index.ts';
import type { ExtractLanguage } from '../../../../src/ingest/extract/text.ts';

const claims = (text: string, language: ExtractLanguage) =>
  extractClaims(text, language).map(({ donors, stage, amount, mechanism }) => ({ donors, stage, amount, mechanism }));

describe('claims of aid in a sentence', () => {
  it('gives a joint figure to all its donors together, never to each', () => {
    expect(claims('Norway, Poland and Germany will together fund a $500 million PURL package.', 'en')).toEqual([
      {
        donors: ['NO', 'PL', 'DE'],
        stage: 'pledged',
        amount: { value: 500_000_000, currency: 'USD' },
        mechanism: 'PURL',
      },
    ]);
    expect(claims('Норвегія, Польща та Німеччина спільно профінансують пакет на $500 млн.', 'uk')).toEqual([
      {
        donors: ['NO', 'PL', 'DE'],
        stage: 'pledged',
        amount: { value: 500_000_000, currency: 'USD' },
        mechanism: null,
      },
    ]);
  });

  it('gives each donor its own sum when a sentence names several', () => {
    expect(claims('Denmark pledged $90 million and Sweden $275 million.', 'en')).toEqual([
      { donors: ['DK'], stage: 'pledged', amount: { value: 90_000_000, currency: 'USD' }, mechanism: null },
      { donors: ['SE'], stage: 'pledged', amount: { value: 275_000_000, currency: 'USD' }, mechanism: null },
    ]);
  });

  it('takes the stage from the verb: paid is funded, arrived is delivered, also in part', () => {
    expect(claims('Нідерланди вже сплатили 250 млн євро.', 'uk')[0]?.stage).toBe('funded');
    expect(claims('Частина пакета від Нідерландів прибула в Україну.', 'uk')[0]?.stage).toBe('delivered');
    expect(claims('Первый пакет из Нидерландов уже поступил в Украину.', 'ru')[0]?.stage).toBe('delivered');
  });

  it('gives crowns the currency of the donor', () => {
    expect(claims('Швеция выделила 3 млрд крон на закупку американского оружия.', 'ru')).toEqual([
      { donors: ['SE'], stage: 'pledged', amount: { value: 3_000_000_000, currency: 'SEK' }, mechanism: null },
    ]);
  });

  it('skips hedged, negated and appealed statements, and questions', () => {
    expect(claims('Germany has not yet paid its share of the package.', 'en')).toEqual([]);
    expect(claims('Данія може виділити ще 2 млрд крон на зброю.', 'uk')).toEqual([]);
    expect(claims('Zelensky urged Berlin to send more Patriot systems.', 'en')).toEqual([]);
    expect(claims('Will Norway fund the next package?', 'en')).toEqual([]);
  });

  it('does not take the seller of the weapons, or a country named as a place, for a donor', () => {
    expect(claims('Canada will pay for a package of American weapons worth C$200 million.', 'en')).toEqual([
      { donors: ['CA'], stage: 'pledged', amount: { value: 200_000_000, currency: 'CAD' }, mechanism: null },
    ]);
    expect(claims('At the meeting in Germany, Sweden pledged SEK 1 billion for drones.', 'en')).toEqual([
      { donors: ['SE'], stage: 'pledged', amount: { value: 1_000_000_000, currency: 'SEK' }, mechanism: null },
    ]);
  });

  it('finds the Dutch delivery in the seed article, and not the group word beside it', () => {
    const seed = readFileSync(new URL('../../../../../shared/seed/nato-arms-deliveries.txt', import.meta.url), 'utf8');
    expect(claims(seed, 'en')).toEqual([{ donors: ['NL'], stage: 'delivered', amount: null, mechanism: null }]);
  });

  it('points each claim at the sentence it comes from', () => {
    const text = 'Background first. Denmark pledged $90 million for air defence.';
    const [claim] = extractClaims(text, 'en');
    expect(claim && text.slice(claim.span.start, claim.span.end)).toBe('Denmark pledged $90 million for air defence.');
    expect(claim?.evidence).toBe('Denmark pledged $90 million for air defence.');
  });
});
