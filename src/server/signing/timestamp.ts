import { createHash, randomBytes } from 'node:crypto';
import type { DigestAlgorithm, TimestampAuthority } from '@libpdf/core';
import * as pkijs from 'pkijs';

/** Thrown when the timestamp authority cannot be reached or refuses; sealing must fail with it. */
export class TimestampFailedError extends Error {
  override name = 'TimestampFailedError';
}

const DIGEST_OIDS: Record<DigestAlgorithm, string> = {
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

// A TimeStampReq is five fields: written as DER directly, it needs no ASN.1 object model.
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const der = (tag: number, content: Buffer) =>
  Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
function derOid(oid: string): Buffer {
  const [first = 0, second = 0, ...rest] = oid.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

/** Encodes an RFC 3161 TimeStampReq (version 1, certReq true); `nonce` must be a minimal positive integer. */
export function encodeTimestampRequest(
  digest: Uint8Array,
  algorithm: DigestAlgorithm,
  nonce: Uint8Array,
): Buffer {
  const algorithmIdentifier = der(
    0x30,
    Buffer.concat([derOid(DIGEST_OIDS[algorithm]), Buffer.from([0x05, 0x00])]),
  );
  const imprint = der(0x30, Buffer.concat([algorithmIdentifier, der(0x04, Buffer.from(digest))]));
  const nonceInteger = der(0x02, Buffer.from(nonce));
  const certReq = Buffer.from([0x01, 0x01, 0xff]);
  return der(0x30, Buffer.concat([Buffer.from([0x02, 0x01, 0x01]), imprint, nonceInteger, certReq]));
}

function stripLeadingZeros(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  return Buffer.from(bytes.subarray(start));
}

/** Checks a TimeStampResp: granted, and its token stamps our digest with our nonce; returns the token. */
export function readTimestampResponse(body: Uint8Array, digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(Uint8Array.from(body).buffer);
  } catch {
    throw new TimestampFailedError('timestamp authority sent a response that is not a TimeStampResp');
  }
  const status = response.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = response.status.statusStrings?.map((item) => item.valueBlock.value).join('; ') ?? '';
    throw new TimestampFailedError(
      `timestamp authority refused the request (status ${status}${text ? `: ${text}` : ''})`,
    );
  }
  const token = response.timeStampToken;
  if (!token) throw new TimestampFailedError('timestamp authority granted the request but sent no token');
  const signedData = new pkijs.SignedData({ schema: token.content });
  const eContent = signedData.encapContentInfo.eContent;
  if (!eContent) throw new TimestampFailedError('timestamp token has no TSTInfo');
  const info = pkijs.TSTInfo.fromBER(eContent.getValue());
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(digest))) {
    throw new TimestampFailedError('timestamp token stamps a different digest');
  }
  const tokenNonce = info.nonce ? stripLeadingZeros(info.nonce.valueBlock.valueHexView) : undefined;
  if (!tokenNonce?.equals(stripLeadingZeros(nonce)))
    throw new TimestampFailedError('timestamp token nonce does not match');
  return new Uint8Array(token.toSchema().toBER(false));
}

export type TimestampAuthorityOptions = { timeoutMs?: number; fetch?: typeof fetch };

/** An RFC 3161 client for `signPdf`: any failure (network, HTTP, refusal, mismatch) throws TimestampFailedError. */
export function createTimestampAuthority(
  url: string,
  options: TimestampAuthorityOptions = {},
): TimestampAuthority {
  const fetchImpl = options.fetch ?? fetch;
  return {
    async timestamp(digest: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
      const nonce = randomBytes(8);
      nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x40; // positive and minimal as a DER INTEGER
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/timestamp-query' },
          body: new Uint8Array(encodeTimestampRequest(digest, algorithm, nonce)),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new TimestampFailedError(`timestamp authority ${url} unreachable: ${reason}`);
      }
      if (!response.ok)
        throw new TimestampFailedError(`timestamp authority ${url} answered HTTP ${response.status}`);
      return readTimestampResponse(new Uint8Array(await response.arrayBuffer()), digest, nonce);
    },
  };
}

/** SHA-256 of bytes, hex: the recorded fingerprint of a sealed file. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
