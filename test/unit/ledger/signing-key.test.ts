import { generateKeyPairSync } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigner, pinnedFingerprint, SIGNING_KEY_FILE } from '../../../src/app/ledger-export.ts';
import { readConfig } from '../../../src/config.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { generateSigningKey, signerFromPem } from '../../../src/ledger/export/signing.ts';

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; field: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('the key that signs exports', () => {
  let tmp: string;
  let keyFile: string;
  const pem = generateSigningKey();
  const expected = signerFromPem(pem);

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-signing-'));
    keyFile = path.join(tmp, 'key.pem');
    await writeFile(keyFile, pem);
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('on PGlite, is made in the data folder with mode 0600 on the first export and kept for the next', async () => {
    const database = { kind: 'pglite', dataDir: tmp } as const;
    const first = await loadSigner({ database });
    const file = path.join(tmp, SIGNING_KEY_FILE);
    expect(first).toMatchObject({ from: file, created: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadSigner({ database });
    expect(again).toMatchObject({ from: file, created: false });
    expect(again.signer.fingerprint).toBe(first.signer.fingerprint);
  });

  it('--key wins over TRANCHE_SIGNING_KEY, which wins over the data folder', async () => {
    const dataDir = path.join(tmp, 'untouched');
    const database = { kind: 'pglite', dataDir } as const;
    const fromEnv = signerFromPem(generateSigningKey());
    const configured = { pem: fromEnv.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    expect((await loadSigner({ keyFile, configured, database })).signer.fingerprint).toBe(expected.fingerprint);
    expect(await loadSigner({ configured, database })).toMatchObject({
      from: 'TRANCHE_SIGNING_KEY',
      signer: { fingerprint: fromEnv.fingerprint },
    });
    expect((await loadSigner({ configured: { file: keyFile }, database })).signer.fingerprint).toBe(
      expected.fingerprint,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('on a PostgreSQL server, must be given', async () => {
    const database = { kind: 'postgres', url: 'postgres://localhost/x' } as const;
    expect(await refusal(loadSigner({ database }))).toMatchObject({ code: 'signing-key-required', field: 'key' });
    expect((await loadSigner({ keyFile, database })).signer.fingerprint).toBe(expected.fingerprint);
  });

  it('refuses a key that is missing or not Ed25519', async () => {
    const database = { kind: 'pglite', dataDir: tmp } as const;
    const rsa = path.join(tmp, 'rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await writeFile(rsa, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(await refusal(loadSigner({ keyFile: rsa, database }))).toEqual({
      code: 'signing-key-invalid',
      field: 'key',
      message: `${rsa} is not an Ed25519 private key in PEM: the signing key is a rsa key, not an Ed25519 key`,
    });
    const missing = path.join(tmp, 'nowhere.pem');
    expect(await refusal(loadSigner({ keyFile: missing, database }))).toMatchObject({
      code: 'signing-key-invalid',
      message: `cannot read ${missing}: no such file or folder`,
    });
  });

  it('TRANCHE_SIGNING_KEY holds the PEM itself or a path, resolved from the working folder', () => {
    expect(readConfig({ TRANCHE_SIGNING_KEY: pem }, '/srv').signingKey).toEqual({ pem });
    expect(readConfig({ TRANCHE_SIGNING_KEY: 'keys/export.pem' }, '/srv').signingKey).toEqual({
      file: '/srv/keys/export.pem',
    });
    expect(readConfig({}, '/srv').signingKey).toBeUndefined();
  });
});

describe('pinning a signer', () => {
  const signer = signerFromPem(generateSigningKey());

  it('by its public key (PEM text or file) or its fingerprint (any case, colons allowed)', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-pin-'));
    try {
      const file = path.join(tmp, 'public.pem');
      await writeFile(file, signer.publicKey);
      expect(await pinnedFingerprint({ publicKey: signer.publicKey })).toBe(signer.fingerprint);
      expect(await pinnedFingerprint({ publicKey: file })).toBe(signer.fingerprint);
      const shouted = signer.fingerprint.toUpperCase().replace(/(..)(?!$)/g, '$1:');
      expect(await pinnedFingerprint({ fingerprint: shouted })).toBe(signer.fingerprint);
      expect(await pinnedFingerprint({})).toBeUndefined();
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('refuses a fingerprint that is not 64 hex digits, or that is not the given key’s', async () => {
    expect(await refusal(pinnedFingerprint({ fingerprint: 'abc' }))).toMatchObject({
      code: 'fingerprint-invalid',
      field: 'fingerprint',
    });
    const mismatch = pinnedFingerprint({ publicKey: signer.publicKey, fingerprint: 'a'.repeat(64) });
    expect(await refusal(mismatch)).toMatchObject({ code: 'fingerprint-invalid' });
    expect(await refusal(pinnedFingerprint({ publicKey: '-----BEGIN PUBLIC KEY-----\nnope\n' }))).toMatchObject({
      code: 'public-key-invalid',
      field: 'publicKey',
    });
  });
});
