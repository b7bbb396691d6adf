import { PDF } from '@libpdf/core';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertIndependentlyValid } from '../testing/independent-pdf-check.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { formatVerification } from './format-verification.ts';
import { signPdf } from './pades.ts';
import { createCertificateAuthority, issuePartyCertificate, type KeyAndCertificate, toPem } from './pki.ts';
import { sampleAgreement } from './test-fixtures.ts';
import { verifyPdf } from './verify.ts';

let ca: KeyAndCertificate;
let parties: KeyAndCertificate[];
let unsigned: Uint8Array;
/** After the first, second and third party signed. */
let revisions: Uint8Array[];
// Whole seconds: PDF and CMS times carry no milliseconds. Inside the certificates' validity.
const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);

async function signAs(bytes: Uint8Array, party: KeyAndCertificate, issuer: KeyAndCertificate, name: string) {
  return signPdf(bytes, {
    key: party.privateKey,
    certificate: party.certificateDer,
    chain: [issuer.certificateDer],
    reason: '同意并签署本协议',
    location: '泉州',
    signerName: name,
    signedAt,
  });
}

function flipByte(bytes: Uint8Array, offset: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
}

beforeAll(async () => {
  ca = await createCertificateAuthority({ commonName: '落地签约 CA', organization: '泉州市商务局' });
  parties = await Promise.all(
    sampleAgreement.parties.map((party) =>
      issuePartyCertificate(ca, { commonName: party.nameZh, organization: party.nameZh }),
    ),
  );
  unsigned = await renderAgreementPdf(sampleAgreement);
  revisions = [];
  let bytes = unsigned;
  for (const [index, party] of parties.entries()) {
    bytes = await signAs(bytes, party, ca, sampleAgreement.parties[index]?.nameZh ?? 'party');
    revisions.push(bytes);
  }
});

describe('three parties sign one after another', () => {
  it('appends each signature as an incremental update', () => {
    const [first, second, third] = revisions;
    expect(
      Buffer.from(first ?? [])
        .subarray(0, unsigned.length)
        .equals(Buffer.from(unsigned)),
    ).toBe(true);
    expect(
      Buffer.from(third ?? [])
        .subarray(0, second?.length)
        .equals(Buffer.from(second ?? [])),
    ).toBe(true);
    expect(Buffer.from(third ?? []).toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it('each of the three signatures verifies and chains to the deployment CA', async () => {
    const result = await verifyPdf(revisions[2] ?? new Uint8Array(), { trustedCa: ca.certificate });
    // pdfsig, openssl cms and qpdf agree, for every revision a party's signature closes.
    const caPem = toPem(ca.certificateDer, 'CERTIFICATE');
    await Promise.all(
      revisions.map((bytes, index) => assertIndependentlyValid(bytes, caPem, `revision ${index + 2}`)),
    );
    expect(result.problems).toEqual([]);
    expect(result.signatures.map((s) => s.signerName)).toEqual(sampleAgreement.parties.map((p) => p.nameZh));
    for (const signature of result.signatures) {
      expect(signature).toMatchObject({
        isIntact: true,
        isTrusted: true,
        isModifiedAfter: false,
        isValid: true,
      });
      expect(signature.reason).toBe('同意并签署本协议');
      expect(signature.signingTime?.toISOString()).toBe(signedAt.toISOString());
    }
    expect(result.signatures.map((s) => s.revision)).toEqual([2, 3, 4]);
    expect(result.isValid).toBe(true);
  });

  it('after the third party signs, the first two signatures still verify', async () => {
    const result = await verifyPdf(revisions[2] ?? new Uint8Array(), { trustedCa: ca.certificate });
    const [first, second] = result.signatures;
    expect(first?.isValid).toBe(true);
    expect(second?.isValid).toBe(true);
    expect(
      first?.laterRevisions.map(({ revision, isSignatureOnly }) => ({ revision, isSignatureOnly })),
    ).toEqual([
      { revision: 3, isSignatureOnly: true },
      { revision: 4, isSignatureOnly: true },
    ]);
    expect(first?.laterRevisions[0]?.findings).toEqual([
      expect.objectContaining({ role: 'signature-field', action: 'added', level: 'signature' }),
    ]);
    expect(first?.modifications).toEqual([]);
  });

  it('flipping one byte of the original document fails every signature covering it', async () => {
    const signed = revisions[2] ?? new Uint8Array();
    for (const offset of [400, Math.floor(unsigned.length / 2), unsigned.length - 300]) {
      const result = await verifyPdf(flipByte(signed, offset), { trustedCa: ca.certificate });
      expect(result.isValid).toBe(false);
      for (const signature of result.signatures) expect(signature.isIntact).toBe(false);
    }
  });

  it('flipping a byte that only later signatures cover fails those and keeps the earlier one', async () => {
    const signed = revisions[2] ?? new Uint8Array();
    // A byte of the second signature's /M date: inside the ranges of signatures 2 and 3 only.
    const text = Buffer.from(signed).toString('latin1');
    const offset = text.indexOf('/M (D:', revisions[0]?.length) + 8;
    const result = await verifyPdf(flipByte(signed, offset), { trustedCa: ca.certificate });
    expect(result.signatures.map((s) => s.isIntact)).toEqual([true, false, false]);
    expect(result.isValid).toBe(false);
  });

  it('rejects a file signed under another CA, even one with the same name', async () => {
    const otherCa = await createCertificateAuthority({
      commonName: '落地签约 CA',
      organization: '泉州市商务局',
    });
    const intruder = await issuePartyCertificate(otherCa, {
      commonName: '泉州市人民政府',
      organization: '泉州市人民政府',
    });
    const forged = await signAs(unsigned, intruder, otherCa, '泉州市人民政府');
    const result = await verifyPdf(forged, { trustedCa: ca.certificate });
    expect(result.isValid).toBe(false);
    expect(result.signatures[0]).toMatchObject({ isIntact: true, isTrusted: false });
    expect(result.signatures[0]?.problems).toContain('untrusted-certificate');
  });

  it('flags content added after a signature', async () => {
    const pdf = await PDF.load(revisions[0] ?? new Uint8Array());
    pdf.addPage();
    const changed = await pdf.save({ incremental: true });
    const result = await verifyPdf(changed, { trustedCa: ca.certificate });
    expect(result.signatures[0]).toMatchObject({ isIntact: true, isModifiedAfter: true, isValid: false });
  });

  it('flags a page added between two party signatures', async () => {
    const pdf = await PDF.load(revisions[0] ?? new Uint8Array());
    pdf.addPage();
    const withPage = await pdf.save({ incremental: true });
    const signed = await signAs(withPage, parties[1] as KeyAndCertificate, ca, '宁德时代');
    // Signatures after the change do not excuse it unless it is the seal's annex right before the seal.
    const withThird = await signAs(signed, parties[2] as KeyAndCertificate, ca, '晋江市人民政府');
    const result = await verifyPdf(withThird, { trustedCa: ca.certificate });
    expect(result.signatures[0]).toMatchObject({ isIntact: true, isModifiedAfter: true, isValid: false });
    expect(result.signatures[1]?.isValid).toBe(true);
  });

  // Its speed is measured by `npm run bench -- signature-append`, not asserted here: a busy machine is slow.
  it('appends one signature to a 20-page PDF', async () => {
    const clause = sampleAgreement.clauses?.[0] ?? { zh: '条款', en: 'Clause' };
    const long = await renderAgreementPdf({
      ...sampleAgreement,
      clauses: Array.from({ length: 268 }, () => clause),
    });
    expect((await PDFDocument.load(long)).getPageCount()).toBe(20);
    const party = parties[0] as KeyAndCertificate;
    const started = performance.now();
    const signed = await signAs(long, party, ca, '泉州市人民政府');
    const elapsed = performance.now() - started;
    console.info(`signPdf on a 20-page agreement (${long.length} bytes): ${elapsed.toFixed(0)} ms`);
    const result = await verifyPdf(signed, { trustedCa: ca.certificate });
    expect(result.isValid).toBe(true);
  });
});

describe('formatVerification', () => {
  it('writes the verdict and each signer in Chinese and English', async () => {
    const result = await verifyPdf(revisions[2] ?? new Uint8Array(), { trustedCa: ca.certificate });
    const zh = formatVerification(result, 'zh-CN');
    expect(zh).toContain('验证通过');
    expect(zh).toContain('签名 3: 晋江市人民政府');
    const en = formatVerification(result, 'en-US');
    expect(en).toContain('VALID');
    expect(en).toContain('Chain to the deployment CA: ok');
  });

  it('names the problem when a signed byte was flipped', async () => {
    const signed = revisions[2] ?? new Uint8Array();
    const result = await verifyPdf(flipByte(signed, 400), { trustedCa: ca.certificate });
    expect(formatVerification(result, 'en-US')).toContain('INVALID');
  });
});
