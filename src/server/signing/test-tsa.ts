// A minimal RFC 3161 timestamp authority on 127.0.0.1 for tests (not for production use).
import { createHash, KeyObject, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyAndCertificate } from './pki.ts';

export type TestTsaMode = 'grant' | 'http-error' | 'reject';
export type TestTsa = { url: string; close: () => Promise<void>; requestCount: () => number };

const OID = {
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

// Copy into a fresh ArrayBuffer: a Buffer's .buffer is the shared pool, and Buffer#slice does not copy.
const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

function buildToken(request: pkijs.TimeStampReq, tsa: KeyAndCertificate, serial: number): ArrayBuffer {
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1',
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ value: serial }),
    genTime: new Date(),
    nonce: request.nonce,
  });
  const infoDer = new Uint8Array(info.toSchema().toBER(false));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: buffer(createHash('sha256').update(infoDer).digest()) })],
      }),
    ],
  });
  const attrsDer = new Uint8Array(signedAttrs.toSchema().toBER(false));
  attrsDer[0] = 0x31; // signed over as a SET, stored with the [0] tag
  const signature = sign('sha256', attrsDer, KeyObject.from(tsa.privateKey));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: tsa.certificate.issuer,
      serialNumber: tsa.certificate.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: buffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.tstInfo,
      eContent: new asn1js.OctetString({ valueHex: buffer(infoDer) }),
    }),
    certificates: [tsa.certificate],
    signerInfos: [signerInfo],
  });
  const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: token,
  });
  return response.toSchema().toBER(false);
}

function rejection(): ArrayBuffer {
  return new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      statusStrings: [new asn1js.Utf8String({ value: 'test TSA says no' })],
    }),
  })
    .toSchema()
    .toBER(false);
}

/** Starts a TSA that grants (signing with `tsa`), answers HTTP 500, or rejects every request. */
export async function startTestTsa(tsa: KeyAndCertificate, mode: TestTsaMode): Promise<TestTsa> {
  let count = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      count += 1;
      if (mode === 'http-error') {
        response.writeHead(500).end('TSA down');
        return;
      }
      let answer: ArrayBuffer;
      try {
        const parsed = pkijs.TimeStampReq.fromBER(buffer(Buffer.concat(chunks)));
        answer = mode === 'reject' ? rejection() : buildToken(parsed, tsa, count);
      } catch {
        response.writeHead(400).end('bad TimeStampReq');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsr`,
    requestCount: () => count,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
