import { beforeAll, describe, expect, it } from 'vitest';
import { renderAgreementPdf } from '../signing/agreement-pdf.ts';
import { chainEntries } from '../signing/audit-chain.ts';
import { signPdf } from '../signing/pades.ts';
import {
  createCertificateAuthority,
  issuePartyCertificate,
  type KeyAndCertificate,
  toPem,
} from '../signing/pki.ts';
import { sealAgreementPdf } from '../signing/seal.ts';
import { sampleAgreement } from '../signing/test-fixtures.ts';
import { independentProblems, missingTools, signaturesOf } from './independent-pdf-check.ts';

let ca: KeyAndCertificate;
let sealed: Uint8Array;
const hasTools = (await missingTools()).length === 0;

beforeAll(async () => {
  ca = await createCertificateAuthority({ commonName: '落地签约 CA', organization: '落地' });
  const sealer = await issuePartyCertificate(ca, { commonName: '落地平台电子封存', organization: '落地' });
  let bytes = await renderAgreementPdf(sampleAgreement);
  for (const party of sampleAgreement.parties.slice(0, 2)) {
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
  const auditEntries = chainEntries([
    { at: '2026-11-21T02:00:00Z', actor: 'user:1', action: 'agreement.signed' },
  ]);
  const result = await sealAgreementPdf(bytes, {
    titleZh: sampleAgreement.titleZh,
    titleEn: sampleAgreement.titleEn,
    sealer,
    ca: ca.certificate,
    caDer: ca.certificateDer,
    auditEntries,
  });
  sealed = result.bytes;
});

const caPem = () => toPem(ca.certificateDer, 'CERTIFICATE');

describe('signaturesOf', () => {
  it('finds each signature’s CMS and the bytes it signs', () => {
    const signatures = signaturesOf(sealed);
    expect(signatures).toHaveLength(3);
    const last = signatures.at(-1);
    expect(last?.cms[0]).toBe(0x30);
    expect((last?.byteRange[2] ?? 0) + (last?.byteRange[3] ?? 0)).toBe(sealed.length);
  });
});

describe.skipIf(!hasTools)('independentProblems (pdfsig, openssl cms, qpdf)', () => {
  it('accepts a sealed PDF', async () => {
    expect(await independentProblems(sealed, caPem())).toEqual([]);
  });

  it('refuses a byte changed inside the signed range', async () => {
    const tampered = sealed.slice();
    const at = signaturesOf(sealed)[0]?.byteRange[1] ?? 0;
    tampered[at - 40] = (tampered[at - 40] ?? 0) ^ 0x01;
    const problems = await independentProblems(tampered, caPem());
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pdfsig: signature 1: /),
        expect.stringMatching(/^openssl cms -verify: signature 1: /),
      ]),
    );
  });

  it('refuses signatures that do not chain to the given CA', async () => {
    const other = await createCertificateAuthority({ commonName: 'Other CA', organization: 'Elsewhere' });
    const problems = await independentProblems(sealed, toPem(other.certificateDer, 'CERTIFICATE'));
    expect(problems.filter((problem) => problem.startsWith('openssl'))).toHaveLength(3);
  });

  it('refuses bytes appended after the last signature', async () => {
    const appended = new Uint8Array([...sealed, ...new TextEncoder().encode('\n% later\n')]);
    expect(await independentProblems(appended, caPem())).toContain(
      'pdfsig: the last signature does not cover the whole file',
    );
  });

  it('refuses a file without signatures', async () => {
    expect(await independentProblems(await renderAgreementPdf(sampleAgreement), caPem())).toEqual(
      expect.arrayContaining(['the file has no signature']),
    );
  });
});
