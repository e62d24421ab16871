import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IATI_PUBLISHER, type IatiPublisher } from './ingest/exporters/iati-publisher.ts';

/** Where Tranche keeps its data: an embedded PGlite folder, or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/** A private key given in the environment: the PEM text itself, or the file that holds it. */
export type SigningKeyConfig = { readonly pem: string } | { readonly file: string };

export interface Config {
  readonly database: DatabaseConfig;
  readonly port: number;
  readonly host: string;
  /** Where the demo and `rates import` find the shared public data sets (ECB rates). */
  readonly sharedDataDir: string;
  /** The built web app `serve` hands out (TRANCHE_WEB_DIR; default web/dist beside the code). */
  readonly webDir: string;
  /** TRANCHE_DEBUG=1: the CLI prints stack traces of unexpected errors. */
  readonly debug: boolean;
  /** TRANCHE_SIGNING_KEY: the Ed25519 private key that signs ledger exports, as PEM text or the path of a PEM file. */
  readonly signingKey: SigningKeyConfig | undefined;
  /** The reporting organisation of the IATI export: TRANCHE_IATI_PUBLISHER_REF, _NAME and _TYPE. */
  readonly iatiPublisher: IatiPublisher;
  /**
   * TRANCHE_BEHIND_PROXY=1: Tranche is served over HTTPS by a reverse proxy, so session cookies are Secure and the
   * client's address (for rate limits) and protocol come from X-Forwarded-For and X-Forwarded-Proto.
   */
  readonly behindProxy: boolean;
}

/** Where `npm run web:build` (and `npm start`) put the web app. */
const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/** The only reader of process.env: checked once at the entry points, then passed down. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const schema = env.TRANCHE_DB_SCHEMA;
  if (schema !== undefined && schema !== '' && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error('TRANCHE_DB_SCHEMA must be a lower-case SQL identifier');
  }
  const database: DatabaseConfig =
    url !== undefined && url !== ''
      ? { kind: 'postgres', url, ...(schema ? { schema } : {}) }
      : { kind: 'pglite', dataDir: path.resolve(cwd, env.TRANCHE_DATA_DIR || 'data') };
  return {
    database,
    port,
    host: env.HOST || '127.0.0.1',
    sharedDataDir: path.resolve(cwd, env.TRANCHE_SHARED_DATA || '../shared/data'),
    webDir: env.TRANCHE_WEB_DIR ? path.resolve(cwd, env.TRANCHE_WEB_DIR) : WEB_DIST,
    debug: env.TRANCHE_DEBUG === '1' || env.TRANCHE_DEBUG === 'true',
    signingKey: signingKey(env.TRANCHE_SIGNING_KEY, cwd),
    iatiPublisher: iatiPublisher(env),
    behindProxy: env.TRANCHE_BEHIND_PROXY === '1' || env.TRANCHE_BEHIND_PROXY === 'true',
  };
}

/** IATI OrganisationType codes (the 2.03 codelist). */
const IATI_ORGANISATION_TYPES = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '71',
  '72',
  '73',
  '80',
  '90',
];

function iatiPublisher(env: NodeJS.ProcessEnv): IatiPublisher {
  const ref = env.TRANCHE_IATI_PUBLISHER_REF || DEFAULT_IATI_PUBLISHER.ref;
  // An organisation identifier: an agency prefix (e.g. GB-CHC), a hyphen and the id; no spaces, / & | or ?.
  if (!/^[A-Za-z]{2}-[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref)) {
    throw new Error(
      `TRANCHE_IATI_PUBLISHER_REF must be an IATI organisation identifier such as GB-CHC-1234567, not "${ref}"`,
    );
  }
  const type = env.TRANCHE_IATI_PUBLISHER_TYPE || DEFAULT_IATI_PUBLISHER.type;
  if (!IATI_ORGANISATION_TYPES.includes(type)) {
    throw new Error(
      `TRANCHE_IATI_PUBLISHER_TYPE must be an IATI OrganisationType code (${IATI_ORGANISATION_TYPES.join(', ')}), not "${type}"`,
    );
  }
  const name = env.TRANCHE_IATI_PUBLISHER_NAME?.trim() || DEFAULT_IATI_PUBLISHER.name;
  return { ref, name, type };
}

function signingKey(value: string | undefined, cwd: string): SigningKeyConfig | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.trimStart().startsWith('-----BEGIN') ? { pem: value } : { file: path.resolve(cwd, value) };
}
