import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../src/ingest/document/index.ts';

const page = readFileSync(new URL('./fixtures/purl-nordic-article.html', import.meta.url), 'utf8');

describe('readDocument on a saved news page', () => {
  const document = readDocument(page, { fileName: 'purl-nordic-article.html' });

  it('finds every piece of metadata the page carries', () => {
    expect(document).toMatchObject({
      format: 'html',
      title: 'Denmark & Sweden fund a second PURL package',
      author: 'Olena Kovalenko',
      publisher: 'Kyiv Ledger',
      published: '2025-08-13',
      language: 'en',
    });
  });

  it('keeps only the article paragraphs, whole and in order', () => {
    expect(document.text.split('\n\n')).toEqual([
      'Denmark, Norway and Sweden will jointly fund a second package of American weapons for Ukraine under the PURL arrangement, worth about USD 500 million, the three governments said on Wednesday.',
      'The package, coordinated by NSATU in Wiesbaden, includes air-defence interceptors & ammunition. Deliveries are expected "within weeks", a Danish defence ministry spokesperson said.',
      "Sweden's share is SEK 1.7 billion, according to the Swedish government. Norway said it would contribute NOK 1.5 billion, while Denmark did not give a figure.",
      'Earlier in August the Netherlands became the first country to pay for a full package on its own, putting EUR 500 million into the arrangement.',
      'NATO Secretary General Mark Rutte welcomed the decision and said more announcements were expected in the coming days.',
    ]);
  });

  it.each([
    'cookies',
    'Accept all',
    'Economy',
    'UA EN RU',
    'Advertisement',
    'sofas',
    'Sponsored',
    'Read also',
    'Germany weighs joining PURL',
    'Share on',
    'Most read',
    'Weather in Lviv',
    'All rights reserved',
    'Privacy policy',
    'Getty Images',
    'By Olena Kovalenko',
    '09:15',
  ])('leaves the boilerplate "%s" out of the text', (words) => {
    expect(document.text).not.toContain(words);
  });

  it('leaves no script, style or markup in the text', () => {
    expect(document.text).not.toMatch(/dataLayer|tracker|position: fixed|[<>]/);
    expect(document.text).not.toContain('&amp;');
    expect(document.text).not.toContain('\u00a0');
  });
});

describe('readDocument on pages with little or no metadata', () => {
  it('falls back to the <h1> for the title and detects the language from the text', () => {
    const document = readDocument(`<html><head><title>Новини</title></head><body>
      <nav><a href="/">Головна</a> <a href="/news">Стрічка новин</a></nav>
      <h1>Норвегія профінансує пакет зброї для України</h1>
      <p>Норвегія виділить півтора мільярда крон на закупівлю американської зброї для України.</p>
      <p>Про це повідомило міністерство оборони країни у вівторок.</p>
      <p>Читайте також: Данія приєдналася до ініціативи</p>
      <footer>Усі права захищено</footer></body></html>`);
    expect(document).toEqual({
      format: 'html',
      text: 'Норвегія виділить півтора мільярда крон на закупівлю американської зброї для України.\n\nПро це повідомило міністерство оборони країни у вівторок.',
      title: 'Норвегія профінансує пакет зброї для України',
      author: null,
      publisher: null,
      published: null,
      language: 'uk',
    });
  });

  it('reads the byline and date line a page shows, and drops them from the text', () => {
    const document = readDocument(`<!doctype html><html lang="ua"><body><article>
      <h1>Данія оплатить пакет PURL</h1>
      <p>Автор: Олена Коваленко</p>
      <p>12 серпня 2025, 14:35</p>
      <p>Данія оплатить пакет американської зброї для України на 500 мільйонів доларів.</p>
      </article></body></html>`);
    expect(document).toMatchObject({
      title: 'Данія оплатить пакет PURL',
      author: 'Олена Коваленко',
      published: '2025-08-12',
      language: 'uk',
      text: 'Данія оплатить пакет американської зброї для України на 500 мільйонів доларів.',
    });
  });

  it('takes the title from <title> without its " | Site" suffix', () => {
    const document = readDocument(
      '<html><head><title>Sweden pays for a PURL package | Nordic Wire</title></head><body><p>Sweden paid.</p><p>It did.</p></body></html>',
    );
    expect(document.title).toBe('Sweden pays for a PURL package');
  });

  it('drops the site name og:title ends with', () => {
    const document = readDocument(
      '<html><head><meta property="og:title" content="Norway pays for a package | Kyiv Ledger">' +
        '<meta property="og:site_name" content="Kyiv Ledger"></head><body><p>Norway pays NOK 1.5 billion.</p></body></html>',
    );
    expect(document).toMatchObject({ title: 'Norway pays for a package', publisher: 'Kyiv Ledger' });
  });

  it("prefers the article's headline and date to a logo heading and the dates of a related list", () => {
    const document = readDocument(`<html><body>
      <div class="top"><h1>Kyiv Ledger</h1></div>
      <div class="rail"><span class="date">1 January 2024</span> <a href="/old">An old story</a></div>
      <div class="story"><h1>Norway joins the PURL arrangement this week</h1>
        <span class="date">14 серпня 2025</span>
        <p>Norway will contribute NOK 1.5 billion to the arrangement, its defence ministry said on Thursday.</p>
        <p>The contribution goes to a package filled by the United States and coordinated in Wiesbaden.</p>
      </div></body></html>`);
    expect(document).toMatchObject({ title: 'Norway joins the PURL arrangement this week', published: '2025-08-14' });
    expect(document.text.split('\n\n')).toEqual([
      'Norway will contribute NOK 1.5 billion to the arrangement, its defence ministry said on Thursday.',
      'The contribution goes to a package filled by the United States and coordinated in Wiesbaden.',
    ]);
  });

  it('reads title, author, publisher and date from JSON-LD alone', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Nordic Wire' },
        {
          '@type': ['NewsArticle'],
          headline: 'Norway joins PURL',
          author: [{ '@type': 'Person', name: 'Ola Nordmann' }, { name: 'Kari Nordmann' }],
          publisher: { '@type': 'Organization', name: 'Nordic Wire' },
          datePublished: '2025-08-14T23:30:00-04:00',
        },
      ],
    };
    const document = readDocument(
      `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head>` +
        '<body><p>Norway will contribute NOK 1.5 billion to the arrangement.</p></body></html>',
    );
    expect(document).toMatchObject({
      title: 'Norway joins PURL',
      author: 'Ola Nordmann, Kari Nordmann',
      publisher: 'Nordic Wire',
      published: '2025-08-14',
      text: 'Norway will contribute NOK 1.5 billion to the arrangement.',
    });
  });

  it('detects the language when <html lang> names another one', () => {
    const document = readDocument(
      '<html lang="de"><body><p>Дания и Швеция совместно профинансируют второй пакет оружия.</p></body></html>',
    );
    expect(document.language).toBe('ru');
  });

  it('skips hidden elements and splits paragraphs at <br>', () => {
    const document = readDocument(
      '<html><body><div>First line of the note<br>Second line of the note' +
        '<span hidden>hidden words</span><span style="display: none">more hidden words</span></div></body></html>',
    );
    expect(document.text).toBe('First line of the note\n\nSecond line of the note');
  });
});

describe('readDocument telling HTML from text', () => {
  const body = '<p>Sweden paid for the package.</p>';

  it.each([
    ['a content type', body, { contentType: 'text/html; charset=utf-8' }],
    ['an .htm file name', body, { fileName: 'SAVED.HTM' }],
    ['a doctype after a byte-order mark', `\ufeff  <!DOCTYPE html><html><body>${body}</body></html>`, {}],
    ['a "saved from" comment', `<!-- saved from url=(0022)https://example.org/ -->\n<html>${body}</html>`, {}],
    ['a <body>', `Saved page\n<body>${body}</body>`, {}],
    ['two paragraphs', `${body}\n<p>Norway paid too.</p>`, {}],
  ])('reads content as HTML from %s', (_, content, hints) => {
    const document = readDocument(content, hints);
    expect(document.format).toBe('html');
    expect(document.text.startsWith('Sweden paid for the package.')).toBe(true);
  });

  it('reads content as text when the hints say so, or nothing looks like a page', () => {
    expect(readDocument(`${body}\n<p>Norway paid too.</p>`, { contentType: 'text/plain' }).format).toBe('text');
    expect(readDocument('Write <p> to start a paragraph.').format).toBe('text');
  });
});
