import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../src/ingest/document/index.ts';

const seed = readFileSync(new URL('../../../../../shared/seed/nato-arms-deliveries.txt', import.meta.url), 'utf8');

describe('readDocument on a plain-text press copy', () => {
  const document = readDocument(seed, { fileName: 'nato-arms-deliveries.txt' });

  it('reads the seed article as text with its title, author and language', () => {
    expect(document).toMatchObject({
      format: 'text',
      title: 'NATO vows ongoing arms deliveries to Ukraine despite upcoming US-Russia talks',
      author: 'Bohdan Babaiev',
      publisher: null,
      published: null,
      language: 'en',
    });
  });

  it('drops the language switch, the title, the captioned title and the byline from the text', () => {
    expect(document.text).not.toMatch(/ua en ru/i);
    expect(document.text).not.toContain('NATO vows');
    expect(document.text).not.toContain('Photo:');
    expect(document.text).not.toContain('Author:');
    expect(document.text.startsWith('Arms supplies to Ukraine will continue')).toBe(true);
    expect(document.text.endsWith('pushing for Zelenskyy to join the talks.')).toBe(true);
  });

  it('keeps each paragraph whole, separated by one blank line', () => {
    const paragraphs = document.text.split('\n\n');
    expect(paragraphs).toHaveLength(13);
    expect(paragraphs.every((paragraph) => paragraph.length > 0 && !paragraph.includes('\n'))).toBe(true);
  });

  it('reads the same article when no hint is given', () => {
    expect(readDocument(seed)).toEqual(document);
  });
});

describe('readDocument on Ukrainian and Russian press copies', () => {
  it('reads a Ukrainian copy with an upper-case language switch and a genitive date with time', () => {
    const document = readDocument(
      [
        'UA EN RU',
        '',
        'Швеція та Данія оплатять другий пакет PURL',
        '12 СЕРПНЯ 2025, 14:35',
        'Автор: Олена Коваленко',
        '',
        'Швеція та Данія оплатять другий пакет PURL Фото: генсек НАТО Марк Рютте (Getty Images)',
        'Швеція та Данія спільно профінансують другий пакет американської зброї для України.',
        'Про це повідомили уряди обох країн.',
      ].join('\n'),
    );
    expect(document).toEqual({
      format: 'text',
      text: 'Швеція та Данія спільно профінансують другий пакет американської зброї для України.\n\nПро це повідомили уряди обох країн.',
      title: 'Швеція та Данія оплатять другий пакет PURL',
      author: 'Олена Коваленко',
      publisher: null,
      published: '2025-08-12',
      language: 'uk',
    });
  });

  it('reads a Russian copy with a genitive date and CRLF line ends', () => {
    const document = readDocument(
      'Дания и Швеция оплатят второй пакет PURL\r\n\r\n12 августа 2025 г.\r\nАвтор: Елена Коваленко\r\n\r\n' +
        'Дания и Швеция совместно профинансируют второй пакет американского оружия для Украины.\r\n\r\n' +
        'Об этом сообщили правительства обеих стран.\r\n',
    );
    expect(document).toMatchObject({
      title: 'Дания и Швеция оплатят второй пакет PURL',
      author: 'Елена Коваленко',
      published: '2025-08-12',
      language: 'ru',
    });
    expect(document.text.split('\n\n')).toEqual([
      'Дания и Швеция совместно профинансируют второй пакет американского оружия для Украины.',
      'Об этом сообщили правительства обеих стран.',
    ]);
  });
});

describe('readDocument on the date line of a text', () => {
  const publishedOn = (line: string): string | null =>
    readDocument(`Norway joins the PURL arrangement\n${line}\nNorway will pay for a package of US weapons.`).published;

  it.each([
    ['12 August 2025', '2025-08-12'],
    ['August 12, 2025, 14:35', '2025-08-12'],
    ['Tuesday, 12 August 2025', '2025-08-12'],
    ['12 серпня 2025, 14:35', '2025-08-12'],
    ['Вівторок, 12 серпня 2025 р., 14:35', '2025-08-12'],
    ['14:35, 1 грудня 2025', '2025-12-01'],
    ['12 августа 2025', '2025-08-12'],
    ['3 МАРТА 2025 года', '2025-03-03'],
    ['2025-08-12', '2025-08-12'],
    ['12.08.2025', '2025-08-12'],
    ['Published: 5 Sept 2025', '2025-09-05'],
  ])('reads "%s" as %s and drops the line', (line, day) => {
    expect(publishedOn(line)).toBe(day);
    expect(readDocument(`Norway joins the PURL arrangement\n${line}\nNorway will pay.`).text).toBe('Norway will pay.');
  });

  it('does not take an impossible day or a sentence with a date in it for a date line', () => {
    expect(publishedOn('31.02.2025')).toBeNull();
    expect(publishedOn('On 12 August 2025 Norway said it would pay.')).toBeNull();
  });
});

describe('readDocument keeps plain text literal', () => {
  it('leaves markup and entities in a text file as they are', () => {
    const document = readDocument(
      'Guide to <b>markup</b> in notes\n\nWrite <script>alert(1)</script> &amp; keep going.',
      {
        fileName: 'notes.txt',
      },
    );
    expect(document.format).toBe('text');
    expect(document.title).toBe('Guide to <b>markup</b> in notes');
    expect(document.text).toBe('Write <script>alert(1)</script> &amp; keep going.');
  });

  it('collapses spaces and no-break spaces inside a line', () => {
    const document = readDocument('A short headline for spacing\n\nUSD 500\u00a0million   was\tpaid.');
    expect(document.text).toBe('USD 500 million was paid.');
  });

  it('keeps a first line that reads as a paragraph rather than a headline', () => {
    const opening =
      'Arms supplies to Ukraine will continue regardless of the outcome of the upcoming talks, NATO Secretary General Mark Rutte said.';
    const document = readDocument(`${opening}\nHe added that two packages have arrived.`);
    expect(document.title).toBeNull();
    expect(document.text).toBe(`${opening}\n\nHe added that two packages have arrived.`);
  });

  it('takes "By X" for a byline only when X is a name', () => {
    const byline = readDocument('Rutte says aid will continue\nBy Jane Doe\nThe aid continues.');
    expect(byline).toMatchObject({ author: 'Jane Doe', text: 'The aid continues.' });
    const sentence = readDocument('Rutte says aid will continue\nBy the end of August two packages had arrived.');
    expect(sentence).toMatchObject({ author: null, text: 'By the end of August two packages had arrived.' });
  });

  it('has no language for a text too short to tell', () => {
    expect(readDocument('Ok').language).toBeNull();
  });
});
