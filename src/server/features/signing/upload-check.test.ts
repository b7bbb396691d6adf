import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentWith, encrypted, packedDocument } from '../../signing/hostile-pdfs.ts';
import { signPdf } from '../../signing/pades.ts';
import { createCertificateAuthority, issuePartyCertificate } from '../../signing/pki.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { organizationsFor } from './test-support.ts';

let t: TestContext;
let officer: TestUser;
let orgs: string[];

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350500');
  orgs = await organizationsFor(t, officer, ['泉州市人民政府', '安踏体育用品集团有限公司']);
});
afterAll(() => t.close());

async function draft(): Promise<string> {
  const created = await t.call(officer, 'POST', '/api/agreements', {
    typeCode: 'investment_contract',
    titleZh: '投资合同',
    parties: orgs.map((organizationId, index) => ({ organizationId, signers: [{ name: `签署人${index}` }] })),
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  return created.json().id;
}

const upload = (id: string, bytes: Uint8Array) =>
  t.upload(officer, `/api/agreements/${id}/document`, {
    name: 'a.pdf',
    type: 'application/pdf',
    content: bytes,
  });

async function foreignSigned(): Promise<Uint8Array> {
  const ca = await createCertificateAuthority({ commonName: 'Other CA', organization: 'Elsewhere' });
  const party = await issuePartyCertificate(ca, { commonName: 'Someone', organization: 'Elsewhere' });
  return signPdf(documentWith(), {
    key: party.privateKey,
    certificate: party.certificateDer,
    chain: [ca.certificateDer],
    reason: 'approve',
    location: 'elsewhere',
    signerName: 'Someone',
  });
}

const js = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';

describe('uploading an agreement PDF for signing', () => {
  it.each([
    {
      name: 'JavaScript on an annotation of page 3',
      build: () =>
        documentWith({
          pages: 3,
          page: '/Annots [7 0 R]',
          extra: [`<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A ${js} >>`],
        }),
      code: 'document.active_content',
      message: /Page 3 annotation has a JavaScript action/,
    },
    {
      name: 'a JavaScript open action in an object stream',
      build: () => packedDocument({ openAction: true }),
      code: 'document.active_content',
      message: /JavaScript/,
    },
    {
      name: 'a Launch action',
      build: () => documentWith({ catalog: '/OpenAction << /S /Launch /F (x.exe) >>' }),
      code: 'document.active_content',
      message: /Launch/,
    },
    {
      name: 'the first 200 bytes of a PDF',
      build: () => documentWith().subarray(0, 200),
      code: 'document.truncated',
      message: /incomplete/,
    },
    {
      name: 'an encrypted PDF',
      build: () => encrypted(documentWith()),
      code: 'document.encrypted',
      message: /encrypted/,
    },
    {
      name: 'a PDF signed under another CA',
      build: foreignSigned,
      code: 'document.already_signed',
      message: /already carries digital signatures/,
    },
  ])('refuses $name with a 400 that says why, and stores nothing', async ({ build, code, message }) => {
    const id = await draft();
    const response = await upload(id, await build());
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.en).toMatch(message);
    expect(error.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(error.details[0]).toMatchObject({ field: 'file', code });
    const agreement = (await t.call(officer, 'GET', `/api/agreements/${id}`)).json();
    expect(agreement.document).toMatchObject({ isUploaded: false });
    const stored = await t.database
      .sql`select count(*)::int as n from agreement_documents where agreement_id = ${id}`;
    expect(stored[0]?.n).toBe(0);
    const trail = (await t.call(officer, 'GET', `/api/agreements/${id}/audit`)).json();
    expect(trail.entries.map((entry: { action: string }) => entry.action)).not.toContain('document-uploaded');
  });

  it('says in Chinese what it found, naming the page and the annotation', async () => {
    const id = await draft();
    const bytes = documentWith({
      pages: 3,
      page: '/Annots [7 0 R]',
      extra: [`<< /Type /Annot /Subtype /Widget /Rect [0 0 9 9] /AA << /K ${js} >> >>`],
    });
    const response = await upload(id, bytes);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.zh).toBe('PDF 不能用于签署：第 3 页的注释含有 JavaScript 动作');
  });

  it('accepts a plain PDF and sends it for signing', async () => {
    const id = await draft();
    const response = await upload(id, documentWith({ pages: 2 }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().document).toMatchObject({ revision: 1, isUploaded: true });
  });
});
