/**
 * fast-check arbitraries for requests a careless or hostile client sends: random JSON of every shape, bodies with the
 * API's own field names holding the wrong types, huge strings, prototype-pollution keys, deep nesting, text that is
 * not JSON under a JSON content type, odd query strings and path parameters, and bogus credentials and headers.
 */
import fc from 'fast-check';

/** Field names the API's bodies and query strings use, so that random values land where a handler looks. */
const FIELDS = [
  'id',
  'recipientId',
  'coordinatorId',
  'supplierId',
  'donorId',
  'packageId',
  'sourceId',
  'claimId',
  'eventId',
  'requirementIds',
  'approverId',
  'organisationId',
  'personId',
  'role',
  'kind',
  'names',
  'title',
  'category',
  'amount',
  'currency',
  'targetValue',
  'rate',
  'lines',
  'lineId',
  'quantity',
  'unit',
  'shipmentId',
  'receiptId',
  'paymentId',
  'full',
  'reason',
  'occurredOn',
  'basis',
  'evidence',
  'expectedVersion',
  'visibility',
  'period',
  'priorityRank',
  'publisher',
  'language',
  'text',
  'url',
  'sentence',
  'subject',
  'stage',
  'donorIds',
  'label',
  'expiresOn',
  'password',
  'currentPassword',
  'newPassword',
  'name',
  'members',
  'iso3166',
  'contractReference',
] as const;

const QUERY_KEYS = [
  'limit',
  'offset',
  'currency',
  'donor',
  'stage',
  'month',
  'category',
  'kind',
  'status',
  'sort',
  'recipient',
  'package',
  'includeWithdrawn',
  'subjectType',
  'subjectId',
  'language',
  'dryRun',
  'skipInvalid',
  'fileName',
  'visibility',
  'actor',
  'stream',
  'type',
  'since',
  'until',
  'before',
  'year',
  'by',
  '__proto__',
  'constructor',
] as const;

/** Strings that have broken parsers, queries and file systems before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '9'.repeat(80),
  '0.000000001',
  '2025-13-45',
  '2025-02-29',
  '9999-12-31',
  '0000-00-00',
  '../../../etc/passwd',
  '..',
  '.',
  '/',
  'C:\\con',
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '%00',
  '%',
  '<script>alert(1)</script>',
  '{{7*7}}',
  'true',
  'null',
  '*',
  'EUR',
  'XXX',
  'ua',
  'nl',
  'pkg-1',
  'ctb-1',
  'src-1',
  'public',
  'restricted',
  'administrator',
];

/** Percent-encoded through UTF-8, where a lone surrogate becomes U+FFFD as it would on the wire. */
const encoded = (text: string): string => encodeURIComponent(Buffer.from(text).toString());

const nasty = fc.constantFrom(...NASTY_STRINGS);
const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), nasty);
const bigString = fc.integer({ min: 1_000, max: 300_000 }).map((length) => 'x'.repeat(length));
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 3, arbitrary: anyString },
  { weight: 1, arbitrary: bigString },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1.5, 2 ** 53 + 1, -0, 1e308) },
);

/** An object of the API's field names with values of any type. */
const fieldsBody = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }).map((body) => JSON.stringify(body));

const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"id":"x","__proto__":{"isAdmin":true}}',
  '[{"__proto__":{"polluted":true}}]',
  '{"names":{"__proto__":{"polluted":true}},"kind":"state","id":"zz"}',
  '{"amount":{"constructor":{"prototype":{"polluted":true}}}}',
);

const deep = fc
  .tuple(fc.integer({ min: 50, max: 50_000 }), fc.boolean())
  .map(([depth, array]) =>
    array ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

const notJson = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{"title": ', 'undefined', "{'a':1}", 'NaN', '\uFEFF{}', '{"a":1}{"b":2}', '{"a":1,}', '\u0000'),
);

/** Over the 4 MiB body limit. */
const tooLarge = fc.constant(JSON.stringify({ text: 'x'.repeat(4 * 2 ** 20 + 10) }));

export interface HostileBody {
  readonly text: string;
  readonly contentType: string | undefined;
}

const CONTENT_TYPES = [
  'text/plain',
  'text/csv',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'application/problem+json',
  'garbage',
  '',
] as const;

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
);

export const hostileBody: fc.Arbitrary<HostileBody | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 12,
    arbitrary: fc.record({
      text: fc.oneof(
        { weight: 5, arbitrary: fieldsBody },
        { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => JSON.stringify(json)) },
        { weight: 2, arbitrary: pollution },
        { weight: 1, arbitrary: deep },
        { weight: 2, arbitrary: notJson },
        { weight: 1, arbitrary: fc.constant('{}') },
      ),
      contentType,
    }),
  },
  { weight: 1, arbitrary: tooLarge.map((text) => ({ text, contentType: 'application/json' })) },
);

const someQuery = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })), anyString), {
      maxLength: 5,
    }),
    fc.option(fc.constantFrom('%E0%A4%A', '&&==&', '%', 'a[b]=1&a[c]=2', `x=${'y'.repeat(10_000)}`), {
      freq: 5,
    }),
  )
  .map(([pairs, junk]) => {
    const query = new URLSearchParams(pairs).toString();
    const all = [query, junk ?? ''].filter((part) => part !== '').join('&');
    return all === '' ? '' : `?${all}`;
  });

/** A query string: none at all (most routes want none), or known keys and random ones, values of any kind, junk. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: someQuery },
);

/** A path parameter: a valid-looking one, or anything at all (encoded, so that it stays one segment). */
export const hostileParameter: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom('nope-1', 'ua', 'nl', 'pkg-1', 'ctb-1', 'src-1', '2025-09', 'packages', 'kiel', 'fts'),
    },
    { weight: 3, arbitrary: anyString },
    { weight: 1, arbitrary: fc.integer({ min: 90, max: 600 }).map((length) => 'p'.repeat(length)) },
  )
  .map((parameter) => (parameter === '' ? '%20' : encoded(parameter)));

/** Headers a client may get wrong: credentials, CSRF, idempotency, versions, and a few others. */
/** Now and then: a header present in about one request of four, so that most requests get past the others. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record({
    authorization: sometimes(
      fc.oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Bearer trn_tok-1.AAAA', 'Basic dXNlcjpwYXNz', 'Bearer trn_.', 'trn_x'),
        anyString.map((text) => `Bearer ${text}`),
      ),
    ),
    cookie: sometimes(
      fc.oneof(
        fc.constantFrom('tranche_session=', 'tranche_session=forged', 'tranche_session=%E0%A4%A', '=;;=', 'a=b; c'),
        anyString.map((text) => `tranche_session=${encoded(text)}`),
      ),
    ),
    'x-csrf-token': sometimes(anyString),
    'idempotency-key': sometimes(fc.oneof(anyString, fc.constant('k'.repeat(300)))),
    'if-match': sometimes(
      fc.oneof(fc.constantFrom('"1"', '"0"', 'W/"1"', '*', '"99999999999999999"', '""'), anyString),
    ),
    accept: sometimes(fc.constantFrom('application/xml', 'text/html', '*/*', 'application/json;q=0')),
    'accept-language': sometimes(fc.constantFrom('uk', 'en', 'ru', 'xx', '*', '')),
  })
  .map((headers) =>
    Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  );

/** Header values must be Latin-1 without line breaks; the rest a client could never send. */
export function sendable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .map(([name, header]) => [name, header.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')] as const)
      .filter(([, header]) => header.trim() !== ''),
  );
}
