import path from 'node:path';

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
  /** TRANCHE_DEBUG=1: the CLI prints stack traces of unexpected errors. */
  readonly debug: boolean;
  /** TRANCHE_SIGNING_KEY: the Ed25519 private key that signs ledger exports, as PEM text or the path of a PEM file. */
  readonly signingKey: SigningKeyConfig | undefined;
}

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
    debug: env.TRANCHE_DEBUG === '1' || env.TRANCHE_DEBUG === 'true',
    signingKey: signingKey(env.TRANCHE_SIGNING_KEY, cwd),
  };
}

function signingKey(value: string | undefined, cwd: string): SigningKeyConfig | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.trimStart().startsWith('-----BEGIN') ? { pem: value } : { file: path.resolve(cwd, value) };
}
