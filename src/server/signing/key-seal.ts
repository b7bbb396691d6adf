import { createCipheriv, createDecipheriv, randomBytes, scrypt, webcrypto } from 'node:crypto';

// Party keys are many and opened on every signature: they are sealed under one key-encryption key, derived
// once at start from the signing passphrase (scrypt is deliberately slow, so it must not run per signature).
const PREFIX = 'luodi-party-key:v1';
const KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const subtle = webcrypto.subtle as SubtleCrypto;

/** Derives the key-encryption key for party keys; the salt ties it to this deployment's CA. */
export function deriveKeyEncryptionKey(passphrase: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase,
      Buffer.concat([Buffer.from('luodi-party-keys'), Buffer.from(salt)]),
      32,
      { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** AES-256-GCM over the PKCS#8 key; the organization id is bound in as associated data. */
export async function sealPartyKey(
  privateKey: CryptoKey,
  kek: Buffer,
  organizationId: string,
): Promise<string> {
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', privateKey));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`${PREFIX}:${organizationId}`));
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [PREFIX, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
    .join(':');
}

export async function openPartyKey(sealed: string, kek: Buffer, organizationId: string): Promise<CryptoKey> {
  const fields = sealed.split(':');
  const [iv, tag, body] = fields.slice(2).map((part) => Buffer.from(part, 'base64'));
  if (`${fields[0]}:${fields[1]}` !== PREFIX || !iv || !tag || !body)
    throw new Error('Not a sealed party key');
  const decipher = createDecipheriv('aes-256-gcm', kek, iv);
  decipher.setAAD(Buffer.from(`${PREFIX}:${organizationId}`));
  decipher.setAuthTag(tag);
  let pkcs8: Buffer;
  try {
    pkcs8 = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new Error('Cannot open the party key: wrong passphrase or altered data');
  }
  const buffer = pkcs8.buffer.slice(pkcs8.byteOffset, pkcs8.byteOffset + pkcs8.byteLength) as ArrayBuffer;
  return subtle.importKey('pkcs8', buffer, KEY_ALGORITHM, false, ['sign']);
}
