// Hostile PDFs against the verifier: each case is built here, checked by verifyPdf and by POST /api/verify,
// with the verdict it must get. Updates after a signature that only a later signature or DSS may make pass.
import { PDF, rgb } from '@libpdf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../contracts/signing.ts';
import { SEALER_NAME } from '../platform/signing-keys.ts';
import { startTestApp, type TestContext } from '../testing/app.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { chainEntries } from './audit-chain.ts';
import { describeFinding } from './diff-wording.ts';
import { documentWith } from './hostile-pdfs.ts';
import { signPdf } from './pades.ts';
import { createCertificateAuthority, issuePartyCertificate, type KeyAndCertificate } from './pki.ts';
import { sealAgreementPdf } from './seal.ts';
import { sampleAgreement } from './test-fixtures.ts';
import { type VerificationResult, verifyPdf } from './verify.ts';

let t: TestContext;
let ca: KeyAndCertificate;
let parties: KeyAndCertificate[];
let signedOnce: Uint8Array;
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function sign(bytes: Uint8Array, party: KeyAndCertificate, name: string, issuer: KeyAndCertificate = ca) {
  return signPdf(bytes, {
    key: party.privateKey,
    certificate: party.certificateDer,
    chain: [issuer.certificateDer],
    reason: '同意并签署本协议',
    location: '泉州',
    signerName: name,
  });
}

/** The text of the newest definition of object `number`. */
function lastDefinition(bytes: Uint8Array, number: number): string {
  const matches = [
    ...latin1(bytes).matchAll(new RegExp(`(?:^|\\s)${number} 0 obj\\s*([\\s\\S]*?)\\s*endobj`, 'g')),
  ];
  const body = matches.at(-1)?.[1];
  if (body === undefined) throw new Error(`object ${number} is not written in the open`);
  return body;
}

/** Appends an incremental update by hand: the given objects, a classic xref and a trailer copied from the last one. */
function appendUpdate(
  bytes: Uint8Array,
  objects: Record<number, string>,
  trailer: { info?: string } = {},
): Uint8Array {
  const text = latin1(bytes);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const lastTrailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+ \d+ R)/.exec(lastTrailer)?.[1];
  const info = trailer.info ?? /\/Info (\d+ \d+ R)/.exec(lastTrailer)?.[1];
  const size = Math.max(
    Number(/\/Size (\d+)/.exec(lastTrailer)?.[1]),
    ...Object.keys(objects).map((n) => Number(n) + 1),
  );
  let update = '\n';
  const entries: string[] = [];
  for (const [number, body] of Object.entries(objects)) {
    entries.push(`${number} 1\n${String(bytes.length + update.length).padStart(10, '0')} 00000 n \n`);
    update += `${number} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = bytes.length + update.length;
  update += `xref\n${entries.join('')}trailer\n<< /Size ${size} /Root ${root} ${info ? `/Info ${info} ` : ''}/Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([bytes, Buffer.from(update, 'latin1')]));
}

const nextNumber = (bytes: Uint8Array) =>
  Math.max(...[...latin1(bytes).matchAll(/\/Size (\d+)/g)].map((match) => Number(match[1])));
const rootNumber = (bytes: Uint8Array) =>
  Number([...latin1(bytes).matchAll(/\/Root (\d+) 0 R/g)].at(-1)?.[1]);
const firstSignatureNumber = (bytes: Uint8Array) =>
  Number(/(\d+) 0 obj\s*<<\s*\/Type \/Sig\b/.exec(latin1(bytes))?.[1]);

async function incremental(bytes: Uint8Array, change: (pdf: PDF) => void): Promise<Uint8Array> {
  const pdf = await PDF.load(bytes);
  change(pdf);
  return pdf.save({ incremental: true });
}

type Expected = {
  isValid: boolean;
  /** Per signature: whether it still holds (intact, trusted, no disallowed change after it). */
  signatures?: boolean[];
  /** Words the first signature's list of later modifications must contain. */
  modification?: RegExp;
  activeContent?: RegExp;
  problem?: RegExp;
};

type Case = { name: string; build: () => Promise<Uint8Array>; expected: Expected };

const cases: Case[] = [
  {
    name: "an update replacing the signature's /Reason",
    build: async () => {
      const number = firstSignatureNumber(signedOnce);
      const forged = lastDefinition(signedOnce, number).replace(
        /\/Reason\s*(\([^)]*\)|<[^>]*>)/,
        '/Reason (Forged)',
      );
      return appendUpdate(signedOnce, { [number]: forged });
    },
    expected: {
      isValid: false,
      signatures: [false],
      modification: /signature dictionary of ".+"\): \/Reason changed/,
    },
  },
  {
    name: 'an update pointing /Info at a new dictionary',
    build: async () => {
      const number = nextNumber(signedOnce);
      return appendUpdate(signedOnce, { [number]: '<< /Title (Forged) >>' }, { info: `${number} 0 R` });
    },
    expected: { isValid: false, signatures: [false], modification: /trailer: \/Info changed/ },
  },
  {
    name: 'an update changing /Info in place',
    build: () => incremental(signedOnce, (pdf) => pdf.setMetadata({ title: 'Forged title' })),
    expected: { isValid: false, signatures: [false], modification: /\/Title/ },
  },
  {
    name: "an update changing a page's content",
    build: () =>
      incremental(signedOnce, (pdf) =>
        pdf.getPage(0)?.drawRectangle({ x: 60, y: 600, width: 200, height: 40, color: rgb(1, 1, 1) }),
      ),
    expected: { isValid: false, signatures: [false], modification: /page 1/ },
  },
  {
    name: 'an update adding an annotation to a page',
    build: () =>
      incremental(signedOnce, (pdf) =>
        pdf
          .getPage(0)
          ?.addTextAnnotation({ rect: { x: 60, y: 600, width: 20, height: 20 }, contents: '已作废' }),
      ),
    expected: { isValid: false, signatures: [false], modification: /annotation on page 1\): added/ },
  },
  {
    name: 'an update adding a page',
    build: () => incremental(signedOnce, (pdf) => pdf.addPage()),
    expected: { isValid: false, signatures: [false], modification: /\(page 2\): added/ },
  },
  {
    name: 'an update adding OpenAction JavaScript',
    build: async () => {
      const root = rootNumber(signedOnce);
      const catalog = lastDefinition(signedOnce, root).replace(
        />>\s*$/,
        '/OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>',
      );
      return appendUpdate(signedOnce, { [root]: catalog });
    },
    expected: {
      isValid: false,
      signatures: [false],
      modification: /\/OpenAction changed/,
      activeContent: /JavaScript/,
    },
  },
  {
    name: 'an update removing a signature field from the form',
    build: async () => {
      const twice = await sign(signedOnce, parties[1] as KeyAndCertificate, '宁德时代');
      const form = Number(/\/AcroForm (\d+) 0 R/.exec(lastDefinition(twice, rootNumber(twice)))?.[1]);
      const fields = lastDefinition(twice, form).replace(/\/Fields\s*\[\s*(\d+ 0 R)[^\]]*\]/, '/Fields [$1]');
      return appendUpdate(twice, { [form]: fields });
    },
    expected: {
      isValid: false,
      // The removed signature is no longer listed; the one before it says what happened.
      signatures: [false],
      modification: /signature field "宁德时代"\): removed/,
    },
  },
  {
    name: 'a later party signature',
    build: () => sign(signedOnce, parties[1] as KeyAndCertificate, '宁德时代'),
    expected: { isValid: true, signatures: [true, true] },
  },
  {
    name: 'an update adding validation data (DSS)',
    build: async () => {
      const root = rootNumber(signedOnce);
      const dss = nextNumber(signedOnce);
      const cert = Buffer.from(ca.certificateDer).toString('latin1');
      const catalog = lastDefinition(signedOnce, root).replace(/>>\s*$/, `/DSS ${dss} 0 R >>`);
      return appendUpdate(signedOnce, {
        [root]: catalog,
        [dss]: `<< /Certs [${dss + 1} 0 R] >>`,
        [dss + 1]: `<< /Length ${cert.length} >>\nstream\n${cert}\nendstream`,
      });
    },
    expected: { isValid: true, signatures: [true] },
  },
  {
    name: 'OpenAction JavaScript in the file that was signed',
    build: () =>
      sign(
        documentWith({ catalog: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ' }),
        parties[0] as KeyAndCertificate,
        '甲',
      ),
    expected: { isValid: false, signatures: [true], activeContent: /JavaScript/ },
  },
  {
    name: 'a Launch action in the file that was signed',
    build: () =>
      sign(
        documentWith({
          page: '/Annots [5 0 R] ',
          extra: ['<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /Launch /F (calc.exe) >> >>'],
        }),
        parties[0] as KeyAndCertificate,
        '甲',
      ),
    expected: { isValid: false, signatures: [true], activeContent: /launch/ },
  },
  {
    name: 'an embedded file in the file that was signed',
    build: () =>
      sign(
        documentWith({
          catalog: '/Names << /EmbeddedFiles << /Names [(run.exe) 5 0 R] >> >> ',
          extra: [
            '<< /Type /Filespec /F (run.exe) /EF << /F 6 0 R >> >>',
            '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
          ],
        }),
        parties[0] as KeyAndCertificate,
        '甲',
      ),
    expected: {
      isValid: false,
      signatures: [true],
      activeContent: /embedded file not made by Luodi "run.exe"/,
    },
  },
  {
    name: 'a file signed under a foreign CA of the same name',
    build: async () => {
      const foreign = await createCertificateAuthority({ commonName: '落地签约 CA', organization: '落地' });
      const intruder = await issuePartyCertificate(foreign, {
        commonName: '泉州市人民政府',
        organization: '泉州市人民政府',
      });
      return sign(await renderAgreementPdf(sampleAgreement), intruder, '泉州市人民政府', foreign);
    },
    expected: { isValid: false, signatures: [false] },
  },
  {
    name: 'pages appended and signed by a party, posing as the seal annex',
    build: async () => {
      const withPage = await incremental(signedOnce, (pdf) => pdf.addPage());
      return sign(withPage, parties[1] as KeyAndCertificate, '宁德时代');
    },
    expected: { isValid: false, signatures: [false, true], modification: /\(page 2\): added/ },
  },
  {
    name: 'a truncated file (the first 200 bytes)',
    build: async () => signedOnce.slice(0, 200),
    expected: { isValid: false, signatures: [], problem: /unreadable|no signatures/ },
  },
  {
    name: 'garbage after a PDF header',
    build: async () =>
      new Uint8Array(Buffer.from(`%PDF-1.7\n${'\u0000\u00ff garbage '.repeat(50)}`, 'latin1')),
    expected: { isValid: false, signatures: [], problem: /unreadable|no signatures/ },
  },
];

beforeAll(async () => {
  t = await startTestApp();
  ca = t.signing.keys.ca;
  parties = await Promise.all(
    sampleAgreement.parties.map((party) =>
      issuePartyCertificate(ca, { commonName: party.nameZh, organization: party.nameZh }),
    ),
  );
  signedOnce = await sign(
    await renderAgreementPdf(sampleAgreement),
    parties[0] as KeyAndCertificate,
    '泉州市人民政府',
  );
}, 60_000);
afterAll(() => t.close());

async function postVerify(bytes: Uint8Array): Promise<VerifyReport> {
  const response = await t.upload(null, '/api/verify?lang=en', {
    name: 'a.pdf',
    type: 'application/pdf',
    content: bytes,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function checkLibrary(result: VerificationResult, expected: Expected) {
  expect(result.isValid).toBe(expected.isValid);
  if (expected.signatures)
    expect(result.signatures.map((signature) => signature.isValid)).toEqual(expected.signatures);
  const modifications = (result.signatures[0]?.modifications ?? []).map((finding) =>
    describeFinding(finding, 'en-US'),
  );
  if (expected.modification) expect(modifications.join('\n')).toMatch(expected.modification);
  if (expected.problem) expect(result.problems.join('\n')).toMatch(expected.problem);
  if (!expected.activeContent) expect(result.activeContent).toEqual([]);
}

describe.each(cases)('$name', ({ build, expected }) => {
  it('gets its verdict from verifyPdf and from POST /api/verify', async () => {
    const bytes = await build();
    const result = await verifyPdf(bytes, { trustedCa: ca.certificate, sealerName: SEALER_NAME });
    checkLibrary(result, expected);
    const report = await postVerify(bytes);
    expect(report.isValid).toBe(expected.isValid);
    expect(report.verdict[0]).toMatch(expected.isValid ? /^VALID/ : /^INVALID/);
    if (expected.signatures)
      expect(report.signatures.map((signature) => signature.isValid)).toEqual(expected.signatures);
    if (expected.modification)
      expect(report.signatures[0]?.modifications.join('\n')).toMatch(expected.modification);
    if (expected.activeContent) expect(report.activeContent.join('\n')).toMatch(expected.activeContent);
    else expect(report.activeContent).toEqual([]);
  });
});

describe('the reason a signer signed', () => {
  it('is read from the revision the signature covers, not from a later forged dictionary', async () => {
    const reason = cases[0] as Case;
    const result = await verifyPdf(await reason.build(), { trustedCa: ca.certificate });
    expect(result.signatures[0]?.reason).toBe('同意并签署本协议');
    expect(result.signatures[0]?.isIntact).toBe(true);
  });
});

describe('a file Luodi sealed', () => {
  it('verifies VALID with its completion pages and audit attachment, and a page added after the seal is flagged', async () => {
    let bytes = signedOnce;
    bytes = await sign(bytes, parties[1] as KeyAndCertificate, '宁德时代');
    const sealed = await sealAgreementPdf(bytes, {
      titleZh: sampleAgreement.titleZh,
      titleEn: sampleAgreement.titleEn,
      sealer: t.signing.keys.sealer,
      ca: ca.certificate,
      caDer: ca.certificateDer,
      auditEntries: chainEntries([
        { at: '2026-11-21T02:00:00Z', actor: 'user:1', action: 'agreement.created' },
      ]),
      sealerName: SEALER_NAME,
    });
    const result = await verifyPdf(sealed.bytes, { trustedCa: ca.certificate, sealerName: SEALER_NAME });
    expect(result.activeContent).toEqual([]);
    expect(result.signatures.map((signature) => signature.isValid)).toEqual([true, true, true]);
    expect(result.isValid).toBe(true);
    expect((await postVerify(sealed.bytes)).isValid).toBe(true);

    const after = await incremental(sealed.bytes, (pdf) => pdf.addPage());
    const changed = await verifyPdf(after, { trustedCa: ca.certificate, sealerName: SEALER_NAME });
    expect(changed.signatures.map((signature) => signature.isValid)).toEqual([false, false, false]);
  });
});
