import { createCipheriv, createDecipheriv, randomBytes, scrypt, webcrypto } from 'node:crypto';

// Party keys are many and opened on every signature: they are sealed under one key-encryption key, derived
// once at start from the signing passphrase (scrypt is deliberately slow, so it must not run per signature).
const PREFIX = 'luodi-party-key:v1';
const KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const subtle = webcrypto.subtle as SubtleCrypto;

// scrypt N=2^15, r=8, p=1 (~32 MiB, ~0.1 s): costly to brute-force, cheap at start-up.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** A 256-bit key from a passphrase and salt (scrypt). */
export function deriveKey(passphrase: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Derives the key-encryption key for party keys; the salt ties it to this deployment's CA. */
export function deriveKeyEncryptionKey(passphrase: string, salt: Uint8Array): Promise<Buffer> {
  return deriveKey(passphrase, Buffer.concat([Buffer.from('luodi-party-keys'), Buffer.from(salt)]));
}

/** AES-256-GCM over a private key's PKCS#8 bytes with `aad` bound in: iv, tag and ciphertext, base64. */
export async function encryptPrivateKey(privateKey: CryptoKey, key: Buffer, aad: string): Promise<string[]> {
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', privateKey));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64'));
}

/** Reverses encryptPrivateKey; a wrong key or altered data throws `failure`. */
export async function decryptPrivateKey(
  parts: string[],
  key: Buffer,
  aad: string,
  options: { failure: string; isExtractable: boolean },
): Promise<CryptoKey> {
  const [iv, tag, body] = parts.map((part) => Buffer.from(part, 'base64'));
  if (!iv || !tag || !body) throw new Error(options.failure);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  let pkcs8: Buffer;
  try {
    pkcs8 = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new Error(options.failure);
  }
  const buffer = pkcs8.buffer.slice(pkcs8.byteOffset, pkcs8.byteOffset + pkcs8.byteLength) as ArrayBuffer;
  return subtle.importKey('pkcs8', buffer, KEY_ALGORITHM, options.isExtractable, ['sign']);
}

/** A party's key sealed under the key-encryption key; the organization id is bound in as associated data. */
export async function sealPartyKey(
  privateKey: CryptoKey,
  kek: Buffer,
  organizationId: string,
): Promise<string> {
  return [PREFIX, ...(await encryptPrivateKey(privateKey, kek, `${PREFIX}:${organizationId}`))].join(':');
}

export async function openPartyKey(sealed: string, kek: Buffer, organizationId: string): Promise<CryptoKey> {
  const fields = sealed.split(':');
  if (`${fields[0]}:${fields[1]}` !== PREFIX || fields.length !== 5)
    throw new Error('Not a sealed party key');
  return decryptPrivateKey(fields.slice(2), kek, `${PREFIX}:${organizationId}`, {
    failure: 'Cannot open the party key: wrong passphrase or altered data',
    isExtractable: false,
  });
}
