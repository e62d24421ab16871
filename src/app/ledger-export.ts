import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DatabaseConfig, SigningKeyConfig } from '../config.ts';
import type { Db } from '../db/index.ts';
import { invalid } from '../domain/errors.ts';
import { type ExportCheck, readExport } from '../ledger/export/check.ts';
import type { ExportScope } from '../ledger/export/format.ts';
import { generateSigningKey, publicKeyFingerprint, type Signer, signerFromPem } from '../ledger/export/signing.ts';
import { type ExportWritten, writeExport } from '../ledger/export/write.ts';

/** The key an embedded (PGlite) instance keeps in its data folder, made on its first export. */
export const SIGNING_KEY_FILE = 'ledger-signing-key.pem';

export interface SignerChoice {
  /** `--key PATH`. */
  readonly keyFile?: string | undefined;
  /** TRANCHE_SIGNING_KEY. */
  readonly configured?: SigningKeyConfig | undefined;
  readonly database: DatabaseConfig;
}

export interface LoadedSigner {
  readonly signer: Signer;
  /** Where the key came from, for a person: a path, or TRANCHE_SIGNING_KEY. */
  readonly from: string;
  /** True when this call made the data folder's key. */
  readonly created: boolean;
}

const reasonOf = (error: unknown): string =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT'
    ? 'no such file or folder'
    : error instanceof Error
      ? error.message
      : String(error);

function signer(pem: string, from: string): Signer {
  try {
    return signerFromPem(pem);
  } catch (error) {
    throw invalid('signing-key-invalid', 'key', `${from} is not an Ed25519 private key in PEM: ${reasonOf(error)}`);
  }
}

async function signerFromFile(file: string): Promise<LoadedSigner> {
  const pem = await readFile(file, 'utf8').catch((error: unknown) => {
    throw invalid('signing-key-invalid', 'key', `cannot read ${file}: ${reasonOf(error)}`);
  });
  return { signer: signer(pem, file), from: file, created: false };
}

/**
 * The key that signs an export: `--key`, else TRANCHE_SIGNING_KEY, else (PGlite only) the data folder's own key,
 * made with mode 0600 on the first export. A PostgreSQL server has no folder of Tranche's to keep one in, so there
 * the key must be given.
 */
export async function loadSigner(choice: SignerChoice): Promise<LoadedSigner> {
  if (choice.keyFile !== undefined) return signerFromFile(choice.keyFile);
  const configured = choice.configured;
  if (configured && 'pem' in configured) {
    return { signer: signer(configured.pem, 'TRANCHE_SIGNING_KEY'), from: 'TRANCHE_SIGNING_KEY', created: false };
  }
  if (configured) return signerFromFile(configured.file);
  if (choice.database.kind !== 'pglite') {
    throw invalid(
      'signing-key-required',
      'key',
      'on a PostgreSQL server there is no data folder to keep a signing key in: give --key PATH or set TRANCHE_SIGNING_KEY',
    );
  }
  const file = path.join(choice.database.dataDir, SIGNING_KEY_FILE);
  try {
    // 'wx': never overwrite a key made meanwhile; 0600: the private key is for this user only.
    await writeFile(file, generateSigningKey(), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return signerFromFile(file);
    throw error;
  }
  return { ...(await signerFromFile(file)), created: true };
}

export interface ExportRequest {
  readonly out: string;
  readonly scope: ExportScope;
  readonly signer: Signer;
  readonly now: Date;
}

/**
 * `tranche export-ledger`: writes the signed export to a temporary file beside `out` and renames it into place, so
 * `out` is never left half-written. An `all` export holds every restricted record: it is made readable by its owner only.
 */
export async function exportLedger(db: Db, request: ExportRequest): Promise<ExportWritten> {
  const partial = `${request.out}.${process.pid}.partial`;
  const handle = await open(partial, 'w', request.scope === 'all' ? 0o600 : 0o644).catch((error: unknown) => {
    throw invalid('file-unwritable', 'out', `cannot write ${request.out}: ${reasonOf(error)}`);
  });
  try {
    const written = await writeExport(db, {
      scope: request.scope,
      signer: request.signer,
      exportedAt: request.now,
      write: (text) => handle.writeFile(text),
    });
    await handle.close();
    await rename(partial, request.out);
    return written;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

/** Who must have signed the file: a public key (PEM text or file) or its fingerprint; neither accepts any signer. */
export interface SignerPin {
  readonly publicKey?: string | undefined;
  readonly fingerprint?: string | undefined;
}

/** The fingerprint the pin names, checked; undefined when nothing is pinned. */
export async function pinnedFingerprint(pin: SignerPin): Promise<string | undefined> {
  let fromKey: string | undefined;
  if (pin.publicKey !== undefined) {
    const given = pin.publicKey;
    const pem = given.trimStart().startsWith('-----BEGIN')
      ? given
      : await readFile(given, 'utf8').catch((error: unknown) => {
          throw invalid('public-key-invalid', 'publicKey', `cannot read ${given}: ${reasonOf(error)}`);
        });
    try {
      fromKey = publicKeyFingerprint(pem);
    } catch (error) {
      throw invalid('public-key-invalid', 'publicKey', `not an Ed25519 public key in PEM: ${reasonOf(error)}`);
    }
  }
  const fingerprint = pin.fingerprint?.toLowerCase().replaceAll(':', '');
  if (fingerprint !== undefined && !/^[0-9a-f]{64}$/.test(fingerprint)) {
    throw invalid('fingerprint-invalid', 'fingerprint', 'a fingerprint is 64 hex digits (sha256 of the SPKI DER)');
  }
  if (fromKey !== undefined && fingerprint !== undefined && fromKey !== fingerprint) {
    throw invalid('fingerprint-invalid', 'fingerprint', 'the fingerprint is not that of the public key given with it');
  }
  return fromKey ?? fingerprint;
}

/**
 * Runs `work` over the lines of an export file and closes the file whether it read them all or stopped at a fault.
 */
export async function withExportLines<T>(file: string, work: (lines: AsyncIterable<string>) => Promise<T>): Promise<T> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw invalid('file-unreadable', 'file', `cannot read ${file}: ${reasonOf(error)}`);
  });
  const input = handle.createReadStream({ encoding: 'utf8', autoClose: false });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    return await work(lines);
  } finally {
    lines.close();
    input.destroy();
    await handle.close();
  }
}

/** `tranche verify --file`: checks an export with no database, against a pinned signer if one is given. */
export async function verifyExportFile(file: string, pin: SignerPin = {}): Promise<ExportCheck> {
  const fingerprint = await pinnedFingerprint(pin);
  return withExportLines(file, (lines) => readExport(lines, { fingerprint }));
}
