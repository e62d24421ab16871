/**
 * Every error code the server can answer with has a message in the web app's `errors` catalog of each language
 * (web/locales/<lang>/errors.json, keyed by the bare code: `package-unknown`), so a refusal never shows in English
 * on a Ukrainian page. The codes are read from the sources: the first argument of each error constructor of
 * src/domain/errors.ts (`invalid(`, `notFound(`, …, `new DomainError(`) under src/domain, src/app and src/http — and
 * src/db and src/ledger, whose errors reach the API too — plus the `code: '…'` of the problems src/http writes itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['src/domain', 'src/app', 'src/http', 'src/db', 'src/ledger'];
const ERRORS_MODULE = 'src/domain/errors.ts';
const LOCALES = ['uk', 'en', 'ru'] as const;

/**
 * Codes built from a template: what each can become. Claims are about packages or contributions
 * (src/domain/claim/claim.ts), so an unknown subject is `package-unknown` or `contribution-unknown`.
 */
const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  '`${command.subject.type}-unknown`': ['package-unknown', 'contribution-unknown'],
};

/**
 * Calls whose code is not written at the call: where it comes from. `tranche import-ledger` (the command line only)
 * reports a ledger file's fault by the export checker's code (ExportFaultCode in src/ledger/export/check.ts).
 */
const PASSED_ON: Readonly<Record<string, string>> = {
  'src/app/ledger-import.ts: check.code': 'the export checker’s fault code; command line only',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** The error constructors src/domain/errors.ts exports (each takes the code first), and the class itself. */
function errorConstructors(): string[] {
  const text = readFileSync(path.join(ROOT, ERRORS_MODULE), 'utf8');
  const names = [...text.matchAll(/export (?:const|function) (\w+)\s*=?\s*\(\s*code: string/g)].map(
    (match) => match[1] ?? '',
  );
  return [...names, 'new DomainError'];
}

/** The first argument of the call whose opening parenthesis is just before `start`, as written. */
function firstArgument(text: string, start: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return text.slice(start, index).trim();
      depth -= 1;
    } else if (char === ',' && depth === 0) return text.slice(start, index).trim();
  }
  return text.slice(start).trim();
}

interface Found {
  readonly codes: Map<string, string>;
  readonly templates: Set<string>;
  readonly passedOn: Set<string>;
}

function scan(): Found {
  const callee = errorConstructors()
    .map((name) => name.replace(' ', '\\s+'))
    .join('|');
  const call = new RegExp(`(?<![\\w.$])(?:${callee})\\(`, 'g');
  const literal = /^(['"])([^'"\\]*)\1$|^`([^`$\\]*)`$/;
  const found: Found = { codes: new Map(), templates: new Set(), passedOn: new Set() };
  const add = (code: string, where: string) => {
    if (!found.codes.has(code)) found.codes.set(code, where);
  };
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    if (file === ERRORS_MODULE) continue;
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const match of text.matchAll(call)) {
      const argument = firstArgument(text, match.index + match[0].length);
      const plain = literal.exec(argument);
      if (plain) add(plain[2] ?? plain[3] ?? '', file);
      else if (argument.startsWith('`')) found.templates.add(argument);
      else found.passedOn.add(`${file}: ${argument}`);
    }
    // Problems src/http writes without a DomainError (Fastify's own refusals, rate limits, refused import rows).
    if (file.startsWith('src/http/')) {
      for (const match of text.matchAll(/\bcode: '([a-z0-9]+(?:-[a-z0-9]+)+)'/g)) add(match[1] ?? '', file);
    }
  }
  for (const template of found.templates) for (const code of TEMPLATES[template] ?? []) add(code, template);
  return found;
}

const found = scan();

function catalog(locale: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, 'web/locales', locale, 'errors.json'), 'utf8')) as Record<
    string,
    string
  >;
}

describe('error codes in the web app’s catalogs', () => {
  it('reads the codes from the sources', () => {
    expect(errorConstructors()).toEqual(expect.arrayContaining(['invalid', 'notFound', 'ruleBroken', 'forbidden']));
    for (const code of ['package-unknown', 'not-permitted', 'sign-in-required', 'role-already-granted']) {
      expect(found.codes.has(code), code).toBe(true);
    }
    expect(found.codes.size).toBeGreaterThan(100);
  });

  it('knows what every code built from a template can be, and where every code passed on comes from', () => {
    expect([...found.templates].filter((template) => !Object.hasOwn(TEMPLATES, template))).toEqual([]);
    expect([...found.passedOn].filter((call) => !Object.hasOwn(PASSED_ON, call))).toEqual([]);
  });

  it.each(LOCALES)('%s has a message for every code', (locale) => {
    const messages = catalog(locale);
    const missing = [...found.codes]
      .filter(([code]) => !Object.hasOwn(messages, code))
      .map(([code, at]) => ({
        code,
        at,
      }));
    expect(missing, `codes missing in web/locales/${locale}/errors.json`).toEqual([]);
  });
});
