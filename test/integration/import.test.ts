/**
 * Sources imported from documents through the use case: the main text and the fields a page states about itself,
 * explicit fields winning; versions in other languages grouped into one story by the facts they state; refusals
 * that name the field and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSource } from '../../src/app/ingest.ts';
import { FULL_SCOPE } from '../../src/domain/access.ts';
import { listSources } from '../../src/projections/queries/sources.ts';
import { listStories } from '../../src/projections/queries/stories.ts';
import { timeline } from '../../src/projections/queries/timeline.ts';
import { type AppFixture, expectRefusal, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { CANADA_EN_TEXT, CANADA_UK_TEXT, NORDIC_EN_HTML, NORDIC_UK_TEXT } from '../support/articles.ts';

describe('importing sources from documents, grouped into stories across languages', () => {
  let f: AppFixture;
  beforeAll(async () => {
    f = await openAppFixture();
  });
  afterAll(() => f?.cleanup());

  it('reads a saved HTML page: main text only, and its title, author, date, language and publisher', async () => {
    const result = await importSource(f.deps, f.request, {
      id: 'wire-en',
      content: NORDIC_EN_HTML,
      fileName: 'a.html',
    });
    expect(result).toMatchObject({
      id: 'wire-en',
      storyId: null,
      groupedWith: null,
      events: [{ type: 'SourceRecorded' }],
    });
    const [source] = await listSources(f.db, FULL_SCOPE, { id: 'wire-en' });
    expect(source).toMatchObject({
      title: 'Norway and Sweden fund a PURL package for Ukraine',
      author: 'Jane Doe',
      publishedOn: '2025-08-05',
      language: 'en',
      publisher: 'Example Wire',
      storyId: null,
    });
    const row = await f.db
      .selectFrom('rm_sources')
      .select('body')
      .where('id', '=', 'wire-en')
      .executeTakeFirstOrThrow();
    expect(row.body).toMatch(/^Norway will allocate USD 135 million/);
    expect(row.body).not.toMatch(/[<>]|Home|tracking|Germany/);
    // The event happened when the page was published.
    expect((await timeline(f.db, FULL_SCOPE, 'source:wire-en'))[0]).toMatchObject({ occurredOn: '2025-08-05' });
  });

  it('puts the Ukrainian version in the story of the English one; the publisher falls back to the URL’s host', async () => {
    const result = await importSource(f.deps, f.request, {
      id: 'wire-uk',
      content: NORDIC_UK_TEXT,
      fileName: 'b.txt',
      url: 'https://www.example.com.ua/news/purl-nordic',
    });
    expect(result).toMatchObject({ storyId: 'wire-en', groupedWith: { sourceId: 'wire-en', score: 1 } });
    const [source] = await listSources(f.db, FULL_SCOPE, { id: 'wire-uk' });
    expect(source).toMatchObject({
      publisher: 'example.com.ua',
      language: 'uk',
      storyId: 'wire-en',
      author: 'Олена Петренко',
    });
    // Nothing was recorded on the English version: its id is the story's.
    const en = await f.db.selectFrom('events').select('type').where('stream_id', '=', 'source-wire-en').execute();
    expect(en).toEqual([{ type: 'SourceRecorded' }]);
    expect((await listSources(f.db, FULL_SCOPE, { storyId: 'wire-en' })).map((s) => s.id).sort()).toEqual([
      'wire-en',
      'wire-uk',
    ]);
    expect(await listStories(f.db, FULL_SCOPE, { multilingual: true })).toMatchObject([
      { id: 'wire-en', languages: ['en', 'uk'], sources: [{ id: 'wire-en' }, { id: 'wire-uk' }] },
    ]);
  });

  it('a second version in a language the story already has starts its own story', async () => {
    const result = await importSource(f.deps, f.request, {
      id: 'other-en',
      content: NORDIC_EN_HTML,
      fileName: 'c.html',
      publisher: 'Other Wire',
    });
    expect(result).toMatchObject({ storyId: null, groupedWith: null });
    const [source] = await listSources(f.db, FULL_SCOPE, { id: 'other-en' });
    expect(source?.publisher).toBe('Other Wire');
  });

  it('explicit fields win over the page’s; an explicit story id is kept, null asks for no grouping', async () => {
    const given = await importSource(f.deps, f.request, {
      id: 'given-ru',
      content: NORDIC_UK_TEXT,
      language: 'ru',
      title: 'Норвегия и Швеция',
      author: null,
      publishedOn: '2025-08-07',
      publisher: 'Given',
      storyId: 'story-given',
    });
    expect(given).toMatchObject({ storyId: 'story-given', groupedWith: null });
    expect((await listSources(f.db, FULL_SCOPE, { id: 'given-ru' }))[0]).toMatchObject({
      title: 'Норвегия и Швеция',
      author: null,
      publishedOn: '2025-08-07',
      language: 'ru',
      storyId: 'story-given',
    });
    const alone = await importSource(f.deps, f.request, {
      id: 'alone-ru',
      content: NORDIC_UK_TEXT,
      language: 'ru',
      publisher: 'Alone',
      storyId: null,
    });
    expect(alone).toMatchObject({ storyId: null, groupedWith: null });
  });

  it('versions published more than three days apart are not grouped', async () => {
    const late = await importSource(f.deps, f.request, {
      id: 'late-ru',
      content: NORDIC_EN_HTML,
      language: 'ru',
      publishedOn: '2025-08-20',
    });
    expect(late).toMatchObject({ storyId: null, groupedWith: null });
  });

  it('a retry with the same idempotency key records nothing and names the same story', async () => {
    const request = { ...f.request, idempotencyKey: 'import-1' };
    const body = { content: CANADA_UK_TEXT, publisher: 'Укрінформ', publishedOn: '2025-08-24' };
    const first = await importSource(f.deps, request, body);
    const before = await ledgerState(f.db);
    const again = await importSource(f.deps, request, body);
    expect(again).toMatchObject({ id: first.id, version: 1, storyId: null, groupedWith: null });
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('refuses a document without a title or publisher, or without text, naming the field; nothing changes', async () => {
    const untitled = await expectRefusal(
      f.db,
      () =>
        importSource(f.deps, f.request, {
          content: '<html><body><p>Canada will provide USD 200 million for PURL, officials said.</p></body></html>',
        }),
      'text-missing',
    );
    expect(untitled).toMatchObject({ field: 'title', kind: 'invalid' });
    const nameless = await expectRefusal(
      f.db,
      () => importSource(f.deps, f.request, { content: CANADA_EN_TEXT }),
      'text-missing',
    );
    expect(nameless.field).toBe('publisher');
    const empty = await expectRefusal(
      f.db,
      () => importSource(f.deps, f.request, { content: '<html><body><script>x()</script></body></html>', title: 't' }),
      'text-empty',
    );
    expect(empty.field).toBe('content');
    const short = await expectRefusal(
      f.db,
      () => importSource(f.deps, f.request, { content: 'Ok.', title: 't', publisher: 'p' }),
      'language-unknown',
    );
    expect(short.field).toBe('language');
    const badUrl = await expectRefusal(
      f.db,
      () => importSource(f.deps, f.request, { content: CANADA_EN_TEXT, url: 'ftp://example.org/a' }),
      'url-invalid',
    );
    expect(badUrl.field).toBe('url');
  });
});
