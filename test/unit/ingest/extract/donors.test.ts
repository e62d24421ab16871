import { describe, expect, it } from 'vitest';
import { findDonors } from '../../../../src/ingest/extract/donors.ts';
import type { ExtractLanguage } from '../../../../src/ingest/extract/text.ts';

const codes = (text: string, language: ExtractLanguage) => findDonors(text, language).map((mention) => mention.code);

describe('donors named in any language and grammatical case', () => {
  it.each([
    ['Нідерланди', 'NL'],
    ['Нідерландів', 'NL'],
    ['Нідерландами', 'NL'],
    ['Норвегія', 'NO'],
    ['Норвегії', 'NO'],
    ['Норвегією', 'NO'],
    ['Сполученими Штатами', 'US'],
    ['Великої Британії', 'GB'],
    ['Європейської комісії', 'EU'],
    ['ЄС', 'EU'],
    ['нідерландський пакет', 'NL'],
    ['данська сторона', 'DK'],
  ])('reads the Ukrainian "%s" as %s', (text, code) => {
    expect(codes(text, 'uk')).toEqual([code]);
  });

  it.each([
    ['Нидерландов', 'NL'],
    ['Норвегией', 'NO'],
    ['Германии', 'DE'],
    ['голландский', 'NL'],
    ['Еврокомиссией', 'EU'],
    ['Соединенными Штатами', 'US'],
    ['датская сторона', 'DK'],
  ])('reads the Russian "%s" as %s', (text, code) => {
    expect(codes(text, 'ru')).toEqual([code]);
  });

  it.each([
    ['the Netherlands', 'NL'],
    ['Dutch', 'NL'],
    ["Norway's", 'NO'],
    ['the European Commission', 'EU'],
    ['Great Britain', 'GB'],
    ['Czech Republic', 'CZ'],
  ])('reads the English "%s" as %s', (text, code) => {
    expect(codes(text, 'en')).toEqual([code]);
  });

  it('does not read words that only begin like a country', () => {
    expect(codes('Дані свідчать, що Данило прибув', 'uk')).toEqual([]);
    expect(codes('Даниил сообщил', 'ru')).toEqual([]);
  });
});
