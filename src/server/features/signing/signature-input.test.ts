import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementSigners } from '../../db/schema.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import {
  confirmCode,
  drawnSignaturePng,
  encodePng,
  linkTokenOf,
  organizationsFor,
  rgbaPng,
  sendAgreementFor,
} from './test-support.ts';

let t: TestContext;
let officer: TestUser;
let orgs: string[];

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350500');
  orgs = await organizationsFor(t, officer, ['泉州市人民政府', '安踏体育用品集团有限公司']);
});
afterAll(() => t.close());

async function signerIdsOf(id: string): Promise<string[]> {
  const agreement = (await t.call(officer, 'GET', `/api/agreements/${id}`)).json();
  return agreement.parties.flatMap((p: { signers: { id: string }[] }) => p.signers.map((s) => s.id));
}

let counter = 0;
/** Sends a two-party agreement; returns its id and the first signer's unique name. */
async function sendTwoParty() {
  counter += 1;
  const name = `签署人${counter}`;
  const { id } = await sendAgreementFor(t, officer, {
    parties: [
      { organizationId: orgs[0] as string, signers: [{ name }] },
      { organizationId: orgs[1] as string, signers: [{ name: `对方${counter}` }] },
    ],
  });
  return { id, name };
}

const BAD_SIGNATURES: readonly [string, unknown, string, string][] = [
  [
    'a fully transparent PNG',
    { kind: 'drawn', png: rgbaPng(300, 100, () => [0, 0, 0, 0]) },
    'signature.png',
    'signature.image_blank',
  ],
  [
    'an all-white PNG',
    { kind: 'drawn', png: rgbaPng(300, 100, () => [255, 255, 255, 255]) },
    'signature.png',
    'signature.image_blank',
  ],
  [
    'a single dot',
    { kind: 'drawn', png: rgbaPng(300, 100, (x, y) => (x < 3 && y < 3 ? [0, 0, 0, 255] : [0, 0, 0, 0])) },
    'signature.png',
    'signature.image_blank',
  ],
  [
    'a PNG of 5000×10',
    {
      kind: 'drawn',
      png: encodePng(5000, 10, { colorType: 6, depth: 8 }, Buffer.alloc(10)).toString('base64'),
    },
    'signature.png',
    'signature.image_size',
  ],
  [
    'a NUL in a typed name',
    { kind: 'typed', text: '王\u0000磊' },
    'signature.text',
    'signature.text_control',
  ],
  [
    'a right-to-left override',
    { kind: 'typed', text: 'Wang\u202Egnaw' },
    'signature.text',
    'signature.text_bidi',
  ],
  ['no letter at all', { kind: 'typed', text: '...' }, 'signature.text', 'signature.text_empty'],
];

/** The field named (with or without the `body.` of the request-wide check), and the rule's code. */
function expectRefusal(detail: { field: string; code: string }, field: string, code: string) {
  expect(detail.field.replace(/^body\./, '')).toBe(field);
  // A NUL is caught by the request-wide check for control characters before the signature rule sees it.
  expect(
    code === 'signature.text_control' ? ['signature.text_control', 'validation.control_character'] : [code],
  ).toContain(detail.code);
}

describe('signatures without a visible name are refused, remotely and on site', () => {
  it.each(BAD_SIGNATURES)('remote: %s', async (_name, signature, field, code) => {
    const { name } = await sendTwoParty();
    const token = await linkTokenOf(t, name);
    await confirmCode(t, token, name);
    const response = await t.call(null, 'POST', `/api/sign/${token}/sign`, { signature });
    expect(response.statusCode).toBe(400);
    expectRefusal(response.json().error.details[0], field, code);
    expect(response.json().error.zh).toMatch(/[\u4e00-\u9fff]/);
    const view = (await t.call(null, 'GET', `/api/sign/${token}`)).json();
    expect(view.signer.status).toBe('pending');
  });

  it.each(BAD_SIGNATURES)('on site: %s', async (_name, signature, field, code) => {
    const { id } = await sendTwoParty();
    const [signerId] = await signerIdsOf(id);
    const response = await t.call(officer, 'POST', `/api/agreements/${id}/signers/${signerId}/onsite`, {
      signature,
    });
    expect(response.statusCode).toBe(400);
    expectRefusal(response.json().error.details[0], field, code);
  });

  it('stores a typed name normalized (NFC, spaces collapsed) and takes a real drawing', async () => {
    const { id } = await sendAgreementFor(t, officer, {
      parties: [
        { organizationId: orgs[0] as string, signers: [{ name: '林主任' }] },
        { organizationId: orgs[1] as string, signers: [{ name: '吴总' }] },
      ],
    });
    const [typedSigner, drawnSigner] = await signerIdsOf(id);
    const typed = await t.call(officer, 'POST', `/api/agreements/${id}/signers/${typedSigner}/onsite`, {
      signature: { kind: 'typed', text: '  Jose\u0301   Lin ' },
    });
    expect(typed.statusCode).toBe(200);
    const drawn = await t.call(officer, 'POST', `/api/agreements/${id}/signers/${drawnSigner}/onsite`, {
      signature: { kind: 'drawn', png: drawnSignaturePng() },
    });
    expect(drawn.statusCode).toBe(200);
    const [row] = await t.database.db
      .select({ text: agreementSigners.signatureText })
      .from(agreementSigners)
      .where(eq(agreementSigners.id, typedSigner as string));
    expect(row?.text).toBe('José Lin');
  });
});
