import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertIndependentlyValid } from '../testing/independent-pdf-check.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { type ChainedAuditEntry, chainEntries } from './audit-chain.ts';
import { formatVerification } from './format-verification.ts';
import { signPdf } from './pades.ts';
import { createCertificateAuthority, issuePartyCertificate, type KeyAndCertificate, toPem } from './pki.ts';
import { sealAgreementPdf } from './seal.ts';
import { sampleAgreement } from './test-fixtures.ts';
import { startTestTsa, type TestTsa } from './test-tsa.ts';
import { createTimestampAuthority } from './timestamp.ts';
import { verifyPdf } from './verify.ts';

let ca: KeyAndCertificate;
let sealer: KeyAndCertificate;
let signedByAll: Uint8Array;
let audit: ChainedAuditEntry[];
const servers: TestTsa[] = [];

beforeAll(async () => {
  ca = await createCertificateAuthority({ commonName: '落地签约 CA', organization: '落地' });
  sealer = await issuePartyCertificate(ca, { commonName: '落地平台电子封存', organization: '落地' });
  let bytes = await renderAgreementPdf(sampleAgreement);
  for (const party of sampleAgreement.parties) {
    const identity = await issuePartyCertificate(ca, {
      commonName: party.nameZh,
      organization: party.nameZh,
    });
    bytes = await signPdf(bytes, {
      key: identity.privateKey,
      certificate: identity.certificateDer,
      chain: [ca.certificateDer],
      reason: '同意并签署本协议',
      location: '泉州',
      signerName: party.nameZh,
    });
  }
  signedByAll = bytes;
  audit = chainEntries([
    { at: '2026-11-21T02:00:00Z', actor: 'user:17', action: 'agreement.created' },
    ...sampleAgreement.parties.map((party) => ({
      at: '2026-11-21T02:30:00Z',
      actor: `party:${party.nameZh}`,
      action: 'agreement.signed',
    })),
  ]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

const sealOptions = () => ({
  titleZh: sampleAgreement.titleZh,
  titleEn: sampleAgreement.titleEn,
  reference: 'QZ-2026-0012',
  sealer,
  ca: ca.certificate,
  caDer: ca.certificateDer,
  auditEntries: audit,
});

describe('sealAgreementPdf', () => {
  it('adds the completion and audit pages, seals with a timestamp, and every signature still verifies', async () => {
    const tsa = await startTestTsa(sealer, 'grant');
    servers.push(tsa);
    const sealed = await sealAgreementPdf(signedByAll, {
      ...sealOptions(),
      timestampAuthority: createTimestampAuthority(tsa.url),
    });
    expect(sealed.sha256).toBe(createHash('sha256').update(sealed.bytes).digest('hex'));
    const result = await verifyPdf(sealed.bytes, { trustedCa: ca.certificate });
    expect(result.problems).toEqual([]);
    expect(result.signatures).toHaveLength(4);
    expect(result.signatures.every((signature) => signature.isValid)).toBe(true);
    expect(result.signatures[3]).toMatchObject({ signerName: '落地平台电子封存', hasTimestamp: true });
    expect(result.signatures[3]?.timestamp?.isValid).toBe(true);
    expect(result.auditTrail).toMatchObject({ isPresent: true, isValid: true, count: 4 });
    expect(result.isValid).toBe(true);
    const text = formatVerification(result, 'en-US');
    expect(text).toContain('Audit trail hash chain: ok (4)');
    expect(text).toContain('completion and audit pages appended (covered by the seal)');
    const pinned = await verifyPdf(sealed.bytes, {
      trustedCa: ca.certificate,
      sealerName: '落地平台电子封存',
    });
    expect(pinned.isValid).toBe(true);
    const wrongSealer = await verifyPdf(sealed.bytes, {
      trustedCa: ca.certificate,
      sealerName: 'someone else',
    });
    expect(wrongSealer.signatures.slice(0, 3).every((signature) => signature.isModifiedAfter)).toBe(true);
    await assertIndependentlyValid(sealed.bytes, toPem(ca.certificateDer, 'CERTIFICATE'), 'sealed PDF');
  });

  it('fails loudly when the timestamp authority fails', async () => {
    const tsa = await startTestTsa(sealer, 'http-error');
    servers.push(tsa);
    await expect(
      sealAgreementPdf(signedByAll, {
        ...sealOptions(),
        timestampAuthority: createTimestampAuthority(tsa.url),
      }),
    ).rejects.toThrow(/HTTP 500/);
  });

  it('refuses to seal a broken audit trail', async () => {
    const broken = audit.map((entry, index) =>
      index === 2 ? { ...entry, action: 'agreement.declined' } : entry,
    );
    await expect(sealAgreementPdf(signedByAll, { ...sealOptions(), auditEntries: broken })).rejects.toThrow(
      /audit trail broken at entry 2/,
    );
  });

  it('refuses to seal a file whose signatures do not verify', async () => {
    const tampered = signedByAll.slice();
    tampered[400] = (tampered[400] ?? 0) ^ 1;
    await expect(sealAgreementPdf(tampered, sealOptions())).rejects.toThrow(/Cannot seal/);
  });
});
