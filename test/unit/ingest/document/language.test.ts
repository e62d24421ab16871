import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/ingest/document/index.ts';

describe('detectLanguage', () => {
  it.each([
    ['Нідерланди передали Україні перший пакет допомоги.', 'uk'],
    ['Нидерланды передали Украине первый пакет помощи.', 'ru'],
    ['Данія та Швеція оплатять пакет зброї на суму 500 мільйонів доларів', 'uk'],
    ['Дания и Швеция оплатят пакет оружия на сумму 500 миллионов долларов', 'ru'],
    ['Це буде наша перемога, сказав він.', 'uk'],
    ['Он сказал, что помощь придет скоро.', 'ru'],
    ['The Netherlands paid for the first package.', 'en'],
  ])('tells the language of "%s" (%s)', (sentence, language) => {
    expect(detectLanguage(sentence)).toBe(language);
  });

  it('reads a Latin "i" typed inside Cyrillic words as the Ukrainian і', () => {
    expect(detectLanguage('Нiдерланди передали Українi перший пакет допомоги')).toBe('uk');
  });

  it('goes by the main script of a text that mixes them', () => {
    expect(detectLanguage('NATO і PURL: Нідерланди оплатили пакет')).toBe('uk');
    expect(detectLanguage('The package was called «Пакет» by the ministry in Kyiv and in The Hague')).toBe('en');
  });

  it('lets a few quoted Russian letters not outweigh a Ukrainian text', () => {
    const text = 'Міністерство оборони повідомило, що пакет «Эскадрилья» відправлять до кінця місяця, як і попередні.';
    expect(detectLanguage(text)).toBe('uk');
  });

  it('answers null when there are fewer than about 20 letters', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('USD 500 млн')).toBeNull();
    expect(detectLanguage('12.08.2025 — 14:35')).toBeNull();
  });
});
