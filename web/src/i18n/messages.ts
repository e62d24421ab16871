/**
 * Message catalogs: `web/locales/<locale>/<namespace>.json`, flat keys to ICU MessageFormat strings (plurals with
 * `{count, plural, one {…} few {…} many {…} other {…}}`). A key is used as `<namespace>.<key>`. Only the chosen
 * locale's catalogs are loaded, in one chunk (catalogs/<locale>.ts lists the namespaces). `test/unit/web/catalogs.test.ts` fails when a key is missing in any locale, or when
 * the code uses a key no catalog has.
 */
import type audit from '../../locales/en/audit.json';
import type common from '../../locales/en/common.json';
import type donor from '../../locales/en/donor.json';
import type errors from '../../locales/en/errors.json';
import type overview from '../../locales/en/overview.json';
import type packages from '../../locales/en/package.json';
import type people from '../../locales/en/people.json';
import type priorities from '../../locales/en/priorities.json';
import type records from '../../locales/en/records.json';
import type session from '../../locales/en/session.json';
import type sources from '../../locales/en/sources.json';
import type trackers from '../../locales/en/trackers.json';
import type workspace from '../../locales/en/workspace.json';
import type { Locale } from './locales.ts';

type Keys<Namespace extends string, Catalog> = `${Namespace}.${keyof Catalog & string}`;
export type MessageKey =
  | Keys<'audit', typeof audit>
  | Keys<'common', typeof common>
  | Keys<'donor', typeof donor>
  | Keys<'errors', typeof errors>
  | Keys<'overview', typeof overview>
  | Keys<'package', typeof packages>
  | Keys<'people', typeof people>
  | Keys<'priorities', typeof priorities>
  | Keys<'records', typeof records>
  | Keys<'session', typeof session>
  | Keys<'sources', typeof sources>
  | Keys<'trackers', typeof trackers>
  | Keys<'workspace', typeof workspace>;

type Catalogs = Readonly<Record<string, Readonly<Record<string, string>>>>;

const LOADERS: Readonly<Record<Locale, () => Promise<{ catalogs: Catalogs }>>> = {
  uk: () => import('./catalogs/uk.ts'),
  en: () => import('./catalogs/en.ts'),
  ru: () => import('./catalogs/ru.ts'),
};

/** Every catalog of `locale` (one download), merged, each key prefixed with its namespace (the file's name). */
export async function loadMessages(locale: Locale): Promise<Record<string, string>> {
  const messages: Record<string, string> = {};
  const { catalogs } = await LOADERS[locale]();
  for (const [namespace, catalog] of Object.entries(catalogs)) {
    for (const [key, message] of Object.entries(catalog)) messages[`${namespace}.${key}`] = message;
  }
  return messages;
}
