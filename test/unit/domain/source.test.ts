import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src/domain/facts.ts';
import {
  type SourceCommand,
  type SourceEvent,
  type SourceRecord,
  sourceDecider,
} from '../../../src/domain/source/source.ts';
import { given } from '../../support/given.ts';

const TEXT = 'Norway, Denmark and Sweden will jointly fund a package worth about $500 million under PURL.';

type RecordSource = Extract<SourceCommand, { type: 'RecordSource' }>;

function recordSource(overrides: Partial<RecordSource> = {}): RecordSource {
  return {
    type: 'RecordSource',
    id: 'src-article-1',
    url: 'https://example.org/news/purl-nordic',
    publisher: 'Example News',
    author: 'A. Reporter',
    publishedOn: '2025-08-05',
    language: 'en',
    title: 'Nordic countries fund PURL package',
    text: TEXT,
    storyId: 'story-purl-nordic',
    visibility: 'public',
    ...overrides,
  };
}

const recorded = (overrides: Partial<SourceRecord> = {}): SourceEvent => ({
  type: 'SourceRecorded',
  data: {
    id: 'src-article-1',
    url: 'https://example.org/news/purl-nordic',
    publisher: 'Example News',
    author: 'A. Reporter',
    publishedOn: '2025-08-05',
    language: 'en',
    title: 'Nordic countries fund PURL package',
    text: TEXT,
    storyId: 'story-purl-nordic',
    visibility: 'public',
    ...overrides,
  },
});

/** A value as untyped input (a request body) may carry it, past the compile-time check. */
const unchecked = <T extends string>(value: string): T => value as T;

describe('source: RecordSource', () => {
  it('records a source with its URL normalised and its texts trimmed', () => {
    given(sourceDecider)
      .when(
        recordSource({
          url: 'https://Example.org',
          publisher: ' Example News ',
          title: ' Nordic countries fund PURL package ',
        }),
      )
      .then([recorded({ url: 'https://example.org/' })]);
  });

  it('records a source without URL, author, date or story', () => {
    given(sourceDecider)
      .when(recordSource({ url: null, author: '  ', publishedOn: undefined, storyId: '' }))
      .then([recorded({ url: null, author: null, publishedOn: null, storyId: null })]);
  });

  it('records the Ukrainian version of a story', () => {
    given(sourceDecider)
      .when(recordSource({ id: 'src-article-1-uk', language: 'uk', title: 'Північні країни фінансують пакет PURL' }))
      .then([recorded({ id: 'src-article-1-uk', language: 'uk', title: 'Північні країни фінансують пакет PURL' })]);
  });

  it.each([
    'example.org/news',
    'not a url',
    'https://',
    'ftp://example.org/file.txt',
    'javascript:alert(1)',
    'mailto:press@example.org',
  ])('refuses the URL "%s"', (url) => {
    given(sourceDecider).when(recordSource({ url })).thenFails('url-invalid', 'url');
  });

  it.each(['de', 'EN', 'english', ''])('refuses the language "%s": uk, en or ru only', (language) => {
    given(sourceDecider)
      .when(recordSource({ language: unchecked<Language>(language) }))
      .thenFails('language-unsupported', 'language');
  });

  it.each(['publisher', 'title', 'text'] as const)('needs a %s', (field) => {
    given(sourceDecider)
      .when(recordSource({ [field]: '  ' }))
      .thenFails('text-empty', field);
  });

  it.each(['2025-02-30', '05.08.2025', '2025-8-5'])('refuses the publication date "%s"', (publishedOn) => {
    given(sourceDecider).when(recordSource({ publishedOn })).thenFails('date-invalid', 'publishedOn');
  });

  it('refuses a malformed id or story id', () => {
    given(sourceDecider)
      .when(recordSource({ id: 'Article 1' }))
      .thenFails('id-invalid', 'id');
    given(sourceDecider)
      .when(recordSource({ storyId: 'Story #1' }))
      .thenFails('id-invalid', 'storyId');
  });

  it('a source is recorded once', () => {
    given(sourceDecider, recorded()).when(recordSource()).thenFails('source-already-recorded', 'id');
  });
});

const reject = (overrides: Partial<Extract<SourceCommand, { type: 'RejectProposal' }>> = {}): SourceCommand => ({
  type: 'RejectProposal',
  key: '0123456789abcdef',
  reason: 'the sentence is about a pledge from 2024',
  known: true,
  acceptedAs: null,
  ...overrides,
});
const rejected = (key = '0123456789abcdef', reason: string | null = 'the sentence is about a pledge from 2024') =>
  ({ type: 'ProposalRejected', data: { key, reason } }) as const;

describe('source: RejectProposal', () => {
  it('rejects a claim that extraction proposes from the text, with the reason', () => {
    given(sourceDecider, recorded()).when(reject()).then([rejected()]);
  });

  it('a reason is optional; a blank one is none', () => {
    given(sourceDecider, recorded())
      .when(reject({ reason: '  ' }))
      .then([rejected('0123456789abcdef', null)]);
    given(sourceDecider, recorded())
      .when(reject({ reason: undefined }))
      .then([rejected('0123456789abcdef', null)]);
  });

  it('the source is recorded', () => {
    given(sourceDecider).when(reject()).thenFails('source-unknown');
  });

  it('the text proposes that key', () => {
    given(sourceDecider, recorded())
      .when(reject({ known: false }))
      .thenFails('proposal-unknown', 'key');
  });

  it('a proposal is reviewed once: not rejected twice', () => {
    const error = given(sourceDecider, recorded(), rejected())
      .when(reject())
      .thenFails('proposal-already-reviewed', 'key');
    expect(error.kind).toBe('conflict');
  });

  it('a proposal is reviewed once: not rejected after it was accepted, even if the text no longer proposes it', () => {
    given(sourceDecider, recorded())
      .when(reject({ acceptedAs: 'clm-1', known: false }))
      .thenFails('proposal-already-reviewed', 'key');
  });

  it('rejecting one proposal leaves the others open', () => {
    given(sourceDecider, recorded(), rejected('aaaaaaaaaaaaaaaa')).when(reject()).then([rejected()]);
  });
});
