// CMS (PKCS#7) checks shared by signature and timestamp verification.
// The structures are parsed with pkijs and the cryptography is done with node:crypto: pkijs's
// SignedData.verify fails under Vitest's module loading ("Failed to normalize algorithm") although
// the same call passes in plain Node, and parsing through pkijs avoids a second asn1js copy.
import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  signingTime: '1.2.840.113549.1.9.5',
  messageDigest: '1.2.840.113549.1.9.4',
  timestampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

const HASHES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** The node:crypto hash name for a digest algorithm OID, if supported. */
export function hashName(oid: string): string | undefined {
  return HASHES[oid];
}

/** Parses DER (trailing zero padding allowed) as a CMS ContentInfo holding SignedData. */
export function parseSignedData(contents: Uint8Array): pkijs.SignedData | undefined {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(Uint8Array.from(contents).buffer);
    return new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return undefined;
  }
}

export function certificatesOf(signedData: pkijs.SignedData): pkijs.Certificate[] {
  return (signedData.certificates ?? []).filter(
    (cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate,
  );
}

/** The certificate a SignerInfo names (issuer + serial), or the only certificate present. */
export function findSigner(
  signedData: pkijs.SignedData,
  signerInfo: pkijs.SignerInfo,
): pkijs.Certificate | undefined {
  const certificates = certificatesOf(signedData);
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find(
      (cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber),
    );
  }
  return certificates.length === 1 ? certificates[0] : undefined;
}

export function attributeValue(signerInfo: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === oid)?.values[0];
}

export function hasToDate(value: unknown): value is { toDate(): Date } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toDate?: unknown }).toDate === 'function'
  );
}

/** Checks the message-digest attribute against `content` and the signature over the signed attributes. */
export function verifySignerInfo(
  content: Uint8Array,
  signerInfo: pkijs.SignerInfo,
  signer: pkijs.Certificate,
) {
  const hash = hashName(signerInfo.digestAlgorithm.algorithmId);
  const digestValue = attributeValue(signerInfo, OID.messageDigest) as
    | { valueBlock?: { valueHexView?: Uint8Array } }
    | undefined;
  const claimedDigest = digestValue?.valueBlock?.valueHexView;
  const signedAttrs = signerInfo.signedAttrs?.encodedValue;
  if (!hash || !claimedDigest || !signedAttrs) return { isDigestOk: false, isSignatureOk: false };
  const isDigestOk = Buffer.from(claimedDigest).equals(createHash(hash).update(content).digest());
  const spki = Buffer.from(signer.subjectPublicKeyInfo.toSchema().toBER(false));
  const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  let isSignatureOk = false;
  try {
    isSignatureOk = cryptoVerify(hash, Buffer.from(signedAttrs), publicKey, signature);
  } catch {
    isSignatureOk = false;
  }
  return { isDigestOk, isSignatureOk };
}

export type TimestampCheck = { isValid: boolean; time: Date | undefined; authority: string | undefined };

/** Checks an RFC 3161 token embedded in a signature: it stamps that signature value and is signed by its TSA. */
export function checkTimestampToken(signerInfo: pkijs.SignerInfo): TimestampCheck | undefined {
  const attribute = signerInfo.unsignedAttrs?.attributes.find((item) => item.type === OID.timestampToken);
  const tokenSchema = attribute?.values[0];
  if (!tokenSchema) return undefined;
  const invalid: TimestampCheck = { isValid: false, time: undefined, authority: undefined };
  try {
    const token = parseSignedData(new Uint8Array(tokenSchema.toBER(false)));
    const tokenSigner = token?.signerInfos[0];
    const eContent = token?.encapContentInfo.eContent;
    if (!token || !tokenSigner || !eContent) return invalid;
    const infoDer = new Uint8Array(eContent.getValue());
    const info = pkijs.TSTInfo.fromBER(Uint8Array.from(infoDer).buffer);
    const hash = hashName(info.messageImprint.hashAlgorithm.algorithmId);
    const stamped = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    const isImprintOk =
      hash !== undefined &&
      Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(
        createHash(hash).update(stamped).digest(),
      );
    const tsaCertificate = findSigner(token, tokenSigner);
    if (!tsaCertificate) return invalid;
    const { isDigestOk, isSignatureOk } = verifySignerInfo(infoDer, tokenSigner, tsaCertificate);
    const authority = tsaCertificate.subject.typesAndValues.find((item) => item.type === '2.5.4.3');
    return {
      isValid: isImprintOk && isDigestOk && isSignatureOk,
      time: info.genTime,
      authority: authority ? String(authority.value.valueBlock.value) : undefined,
    };
  } catch {
    return invalid;
  }
}
