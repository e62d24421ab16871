import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

/** The key that signs an export, with what a verifier needs to check the signature and to pin the signer. */
export interface Signer {
  readonly privateKey: KeyObject;
  /** SPKI, PEM. */
  readonly publicKey: string;
  /** sha256 of the public key's SPKI DER, hex: short enough to compare by eye or to pin in a script. */
  readonly fingerprint: string;
}

/** A new Ed25519 private key, PKCS #8 PEM. */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function ed25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${what} is a ${key.asymmetricKeyType ?? 'symmetric'} key, not an Ed25519 key`);
  }
  return key;
}

const fingerprintOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

/** Reads an Ed25519 private key (PEM); throws an Error saying why it is not one. */
export function signerFromPem(pem: string): Signer {
  const privateKey = ed25519(createPrivateKey(pem), 'the signing key');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

/** The fingerprint of an Ed25519 public key (PEM; a private key gives its public half's); throws when it is not one. */
export function publicKeyFingerprint(pem: string): string {
  return fingerprintOf(ed25519(createPublicKey(pem), 'the public key'));
}

export const signText = (signer: Signer, text: string): string =>
  sign(null, Buffer.from(text, 'utf8'), signer.privateKey).toString('base64');

/** Whether `signature` (base64) is the public key's signature of `text`. */
export function signatureValid(publicKeyPem: string, text: string, signature: string): boolean {
  return verify(null, Buffer.from(text, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
}
