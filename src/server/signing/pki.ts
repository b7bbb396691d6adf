import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decryptPrivateKey, deriveKey, encryptPrivateKey } from './key-seal.ts';

// ECDSA P-256: key generation takes milliseconds (RSA-2048 takes ~100 ms per party), signatures and
// certificates are small, and Acrobat, pkijs and OpenSSL all verify it.
const KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_ALGORITHM = 'SHA-256';
const subtle = webcrypto.subtle as SubtleCrypto;

/** A private key with the certificate that binds its public key to a name. */
export type KeyAndCertificate = {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  certificate: pkijs.Certificate;
  certificateDer: Uint8Array;
};

export type CaSubject = { commonName: string; organization: string };
export type PartySubject = { commonName: string; organization: string; usci?: string };

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  country: '2.5.4.6',
  organizationIdentifier: '2.5.4.97',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

// One attribute per RDN (C, O, organizationIdentifier, CN): pkijs would otherwise write a single
// multi-valued RDN ("C=CN+O=…+CN=…"), which readers display badly.
function buildName(subject: PartySubject): pkijs.RelativeDistinguishedNames {
  const attributes: [string, asn1js.BaseStringBlock][] = [
    [OID.country, new asn1js.PrintableString({ value: 'CN' })],
    [OID.organization, new asn1js.Utf8String({ value: subject.organization })],
  ];
  if (subject.usci)
    attributes.push([OID.organizationIdentifier, new asn1js.Utf8String({ value: subject.usci })]);
  attributes.push([OID.commonName, new asn1js.Utf8String({ value: subject.commonName })]);
  const sequence = new asn1js.Sequence({
    value: attributes.map(
      ([type, value]) =>
        new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] }),
    ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

function keyUsageExtension(firstByte: number, unusedBits: number): pkijs.Extension {
  const bits = new asn1js.BitString({ valueHex: new Uint8Array([firstByte]).buffer, unusedBits });
  return new pkijs.Extension({
    extnID: OID.keyUsage,
    critical: true,
    extnValue: bits.toBER(false),
    parsedValue: bits,
  });
}

async function keyIdentifier(certificate: pkijs.Certificate): Promise<ArrayBuffer> {
  const keyBits = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return subtle.digest('SHA-1', toArrayBuffer(keyBits));
}

/**
 * A certificate serial number from 16 random bytes, as a minimal DER INTEGER: positive (top bit clear) and
 * with a first byte that is not zero, since a leading zero before a byte below 0x80 is padding that
 * OpenSSL and poppler refuse ("illegal padding"), which one serial in 256 used to have.
 */
export function serialFromBytes(bytes: Uint8Array): asn1js.Integer {
  const serial = Uint8Array.from(bytes);
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01;
  return new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
}

const randomSerial = () => serialFromBytes(randomBytes(16));

type BuildInput = {
  subject: PartySubject;
  publicKey: CryptoKey;
  issuer: { name: pkijs.RelativeDistinguishedNames; privateKey: CryptoKey; keyId?: ArrayBuffer };
  isCa: boolean;
  validYears: number;
};

async function buildCertificate(input: BuildInput): Promise<pkijs.Certificate> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = randomSerial();
  certificate.subject = buildName(input.subject);
  certificate.issuer = input.issuer.name;
  const now = new Date();
  certificate.notBefore.value = new Date(now.getTime() - 5 * 60_000); // tolerate small clock skew
  certificate.notAfter.value = new Date(now);
  certificate.notAfter.value.setUTCFullYear(now.getUTCFullYear() + input.validYears);
  await certificate.subjectPublicKeyInfo.importKey(input.publicKey);

  const constraints = new pkijs.BasicConstraints({ cA: input.isCa });
  const ownKeyId = await keyIdentifier(certificate);
  const ski = new asn1js.OctetString({ valueHex: ownKeyId });
  const extensions = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: constraints.toSchema().toBER(false),
      parsedValue: constraints,
    }),
    // CA: keyCertSign + cRLSign; party: digitalSignature + nonRepudiation.
    input.isCa ? keyUsageExtension(0x06, 1) : keyUsageExtension(0xc0, 6),
    new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, extnValue: ski.toBER(false) }),
  ];
  if (input.issuer.keyId) {
    const aki = new pkijs.AuthorityKeyIdentifier({
      keyIdentifier: new asn1js.OctetString({ valueHex: input.issuer.keyId }),
    });
    extensions.push(
      new pkijs.Extension({ extnID: OID.authorityKeyIdentifier, extnValue: aki.toSchema().toBER(false) }),
    );
  }
  certificate.extensions = extensions;
  await certificate.sign(input.issuer.privateKey, SIGN_ALGORITHM);
  return certificate;
}

async function generateKeyPair(): Promise<CryptoKeyPair> {
  return subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

function finish(keys: CryptoKeyPair, certificate: pkijs.Certificate): KeyAndCertificate {
  return {
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    certificate,
    certificateDer: new Uint8Array(certificate.toSchema().toBER(false)),
  };
}

/** Creates the deployment's own certificate authority: a key pair and a self-signed CA certificate. */
export async function createCertificateAuthority(subject: CaSubject): Promise<KeyAndCertificate> {
  const keys = await generateKeyPair();
  const name = buildName(subject);
  const certificate = await buildCertificate({
    subject,
    publicKey: keys.publicKey,
    issuer: { name, privateKey: keys.privateKey },
    isCa: true,
    validYears: 20,
  });
  return finish(keys, certificate);
}

/** Issues a signing certificate for one party, signed by the CA. */
export async function issuePartyCertificate(
  ca: KeyAndCertificate,
  subject: PartySubject,
): Promise<KeyAndCertificate> {
  const keys = await generateKeyPair();
  const certificate = await buildCertificate({
    subject,
    publicKey: keys.publicKey,
    issuer: {
      name: ca.certificate.subject,
      privateKey: ca.privateKey,
      keyId: await keyIdentifier(ca.certificate),
    },
    isCa: false,
    validYears: 3,
  });
  return finish(keys, certificate);
}

const SEALED_PREFIX = 'luodi-sealed-key:v1';

/** Encrypts a private key (PKCS#8) with scrypt + AES-256-GCM; the result is what the database stores. */
export async function sealCaKey(privateKey: CryptoKey, passphrase: string): Promise<string> {
  if (passphrase.length < 12) throw new Error('CA key passphrase must be at least 12 characters');
  const salt = randomBytes(16);
  const parts = await encryptPrivateKey(privateKey, await deriveKey(passphrase, salt), SEALED_PREFIX);
  return [SEALED_PREFIX, salt.toString('base64'), ...parts].join(':');
}

/** Decrypts a key sealed by `sealCaKey`; a wrong passphrase or altered text throws. */
export async function openCaKey(sealed: string, passphrase: string): Promise<CryptoKey> {
  const fields = sealed.split(':');
  const salt = Buffer.from(fields[2] ?? '', 'base64');
  if (fields.slice(0, 2).join(':') !== SEALED_PREFIX || fields.length !== 6 || salt.length === 0) {
    throw new Error('Not a sealed Luodi key');
  }
  return decryptPrivateKey(fields.slice(3), await deriveKey(passphrase, salt), SEALED_PREFIX, {
    failure: 'Cannot open the sealed key: wrong passphrase or altered data',
    isExtractable: true,
  });
}

/** Wraps DER bytes in PEM armour with the given label (CERTIFICATE, PRIVATE KEY). */
export function toPem(der: Uint8Array, label: string): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Reads the first PEM block's DER bytes. */
export function fromPem(pem: string): Uint8Array {
  const match = /-----BEGIN [^-]+-----([\s\S]+?)-----END [^-]+-----/.exec(pem);
  if (!match?.[1]) throw new Error('No PEM block found');
  return new Uint8Array(Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
}

/** Parses a DER (or PEM) X.509 certificate. */
export function parseCertificate(input: Uint8Array | string): pkijs.Certificate {
  const der = typeof input === 'string' ? fromPem(input) : input;
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/**
 * Whether a certificate's serial is a minimal DER integer. Certificates made before serials were fixed may
 * carry a padded one that OpenSSL and poppler refuse; such a certificate is issued anew.
 */
export function hasMinimalSerial(input: Uint8Array | string): boolean {
  const serial = parseCertificate(input).serialNumber.valueBlock.valueHexView;
  const [first = 0, second = 0] = serial;
  if (serial.length < 2) return true;
  return !((first === 0x00 && second < 0x80) || (first === 0xff && second >= 0x80));
}

/** Rebuilds the CA from its stored certificate (PEM) and sealed key. */
export async function loadCertificateAuthority(
  certificatePem: string,
  sealedKey: string,
  passphrase: string,
): Promise<KeyAndCertificate> {
  const certificateDer = fromPem(certificatePem);
  const certificate = parseCertificate(certificateDer);
  const privateKey = await openCaKey(sealedKey, passphrase);
  const publicKey = await certificate.getPublicKey();
  return { privateKey, publicKey, certificate, certificateDer };
}

/** The subject attribute (CN by default) of a certificate as text. */
export function subjectAttribute(
  certificate: pkijs.Certificate,
  oid: string = OID.commonName,
): string | undefined {
  const match = certificate.subject.typesAndValues.find((attribute) => attribute.type === oid);
  return match ? String(match.value.valueBlock.value) : undefined;
}

export const SUBJECT_OIDS = OID;
