import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { readUntil } from '../../testing/wait.ts';
import {
  confirmCode,
  drawn,
  lastMessage,
  linkTokenOf,
  organizationsFor,
  sendAgreementFor,
} from './test-support.ts';

let t: TestContext;
let officer: TestUser;
let otherCity: TestUser;
let orgs: string[];

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350500');
  otherCity = await t.user('officer', '350100');
  orgs = await organizationsFor(t, officer, [
    '泉州市人民政府',
    '宁德时代新能源科技股份有限公司',
    '晋江市人民政府',
  ]);
});
afterAll(() => t.close());

const threeParties = (prefix: string) => [
  { organizationId: orgs[0] as string, signers: [{ name: `${prefix}王明`, email: 'wang@example.gov.cn' }] },
  { organizationId: orgs[1] as string, signers: [{ name: `${prefix}李华`, email: 'li@catl.example' }] },
  { organizationId: orgs[2] as string, signers: [{ name: `${prefix}陈静`, email: 'chen@example.gov.cn' }] },
];

async function agreementOf(id: string) {
  return (await t.call(officer, 'GET', `/api/agreements/${id}`)).json();
}

async function waitForSeal(id: string) {
  return readUntil(
    () => agreementOf(id),
    (agreement) => agreement.seal.status === 'sealed',
    `the seal of ${id}`,
  );
}

const uploadPdf = (url: string, bytes: Uint8Array, user: TestUser | null = null) =>
  t.upload(user, url, { name: 'a.pdf', type: 'application/pdf', content: bytes });

describe('cloud signing, three parties in parallel', () => {
  let id: string;
  const tokens: string[] = [];
  const names = ['A王明', 'A李华', 'A陈静'];

  it('sends: the PDF is generated and every signer gets a link', async () => {
    const sent = await sendAgreementFor(t, officer, { parties: threeParties('A') });
    id = sent.id;
    const agreement = await agreementOf(id);
    expect(agreement.status).toBe('signing');
    expect(agreement.document).toMatchObject({ revision: 1, isUploaded: false });
    expect(agreement.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const name of names) tokens.push(await linkTokenOf(t, name));
    expect(new Set(tokens).size).toBe(3);
    const signers = agreement.parties.flatMap((p: { signers: unknown[] }) => p.signers);
    expect(
      signers.every((s: { isTurn: boolean; linkSentAt: string | null }) => s.isTurn && s.linkSentAt),
    ).toBe(true);
    expect(signers[0].contact).toBe('w***@example.gov.cn');
  });

  it('shows the signer their agreement and refuses a signature before the code', async () => {
    const view = await t.call(null, 'GET', `/api/sign/${tokens[0]}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      canSign: true,
      signer: { name: 'A王明', status: 'pending', contact: 'w***@example.gov.cn' },
      agreement: { status: 'signing', documentRevision: 1 },
      code: { isVerified: false },
    });
    const pdf = await t.call(null, 'GET', `/api/sign/${tokens[0]}/document.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const early = await t.call(null, 'POST', `/api/sign/${tokens[0]}/sign`, drawn());
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('signer.code_required');
  });

  it('checks the one-time code: wrong codes count down, a second code within a minute is refused', async () => {
    const asked = await t.call(null, 'POST', `/api/sign/${tokens[0]}/code`);
    expect(asked.statusCode).toBe(200);
    expect(asked.json().sentTo).toBe('w***@example.gov.cn');
    const again = await t.call(null, 'POST', `/api/sign/${tokens[0]}/code`);
    expect(again.statusCode).toBe(429);
    expect(again.json().error.en).toMatch(/try again in \d+ s/);
    const code = (await lastMessage(t, 'signing-code', 'A王明')).data.code as string;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const failed = await t.call(null, 'POST', `/api/sign/${tokens[0]}/verify`, { code: wrong });
    expect(failed.statusCode).toBe(400);
    expect(failed.json().error.details[0]).toMatchObject({ field: 'code', en: 'Wrong code; 4 tries left' });
    const malformed = await t.call(null, 'POST', `/api/sign/${tokens[0]}/verify`, { code: '12ab' });
    expect(malformed.statusCode).toBe(400);
    const ok = await t.call(null, 'POST', `/api/sign/${tokens[0]}/verify`, { code });
    expect(ok.json().code.isVerified).toBe(true);
  });

  it('signs once however often it is clicked', async () => {
    const [first, second] = await Promise.all([
      t.call(null, 'POST', `/api/sign/${tokens[0]}/sign`, drawn()),
      t.call(null, 'POST', `/api/sign/${tokens[0]}/sign`, drawn()),
    ]);
    expect([first?.statusCode, second?.statusCode]).toEqual([200, 200]);
    const results = [first?.json(), second?.json()];
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(results.every((r) => r.documentRevision === 2)).toBe(true);
    const third = await t.call(null, 'POST', `/api/sign/${tokens[0]}/sign`, drawn());
    expect(third.json()).toMatchObject({ isNew: false, documentRevision: 2, signerStatus: 'signed' });
  });

  it('takes two signatures at the same moment: both land, each on top of the other', async () => {
    await confirmCode(t, tokens[1] as string, 'A李华');
    await confirmCode(t, tokens[2] as string, 'A陈静');
    const [typed, drew] = await Promise.all([
      t.call(null, 'POST', `/api/sign/${tokens[1]}/sign`, { signature: { kind: 'typed', text: '李华' } }),
      t.call(null, 'POST', `/api/sign/${tokens[2]}/sign`, drawn()),
    ]);
    expect(typed.statusCode, typed.body).toBe(200);
    expect(drew.statusCode, drew.body).toBe(200);
    expect([typed.json().documentRevision, drew.json().documentRevision].sort()).toEqual([3, 4]);
    expect([typed.json().isAllSigned, drew.json().isAllSigned].filter(Boolean)).toHaveLength(1);
  });

  it('seals after the last signature: completion pages, audit trail, SHA-256 recorded, verifiable', async () => {
    const agreement = await waitForSeal(id);
    expect(agreement.status).toBe('completed');
    expect(agreement.signedAt).not.toBeNull();
    expect(agreement.document.revision).toBe(5);
    expect(agreement.seal.sha256).toBe(agreement.document.sha256);
    const trail = (await t.call(officer, 'GET', `/api/agreements/${id}/audit`)).json();
    expect(trail.isValid).toBe(true);
    expect(trail.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['sent', 'code-sent', 'code-verified', 'signed', 'all-signed', 'sealed']),
    );
    // The last signature and the completion are appended together, in that order, each chained to the one before.
    const actions = trail.entries.map((e: { action: string }) => e.action);
    expect(actions.indexOf('all-signed')).toBe(actions.lastIndexOf('signed') + 1);
    expect(actions.filter((action: string) => action === 'signed')).toHaveLength(3);
    const sealed = await t.call(officer, 'GET', `/api/agreements/${id}/document.pdf`);
    const bytes = new Uint8Array(sealed.rawPayload);
    const report = await uploadPdf('/api/verify?lang=en', bytes);
    expect(report.statusCode, report.body).toBe(200);
    const result = report.json();
    expect(result.isValid).toBe(true);
    expect(result.signatures).toHaveLength(4);
    expect(result.signatures.map((s: { isSeal: boolean }) => s.isSeal)).toEqual([false, false, false, true]);
    expect(result.signatures[0].organization).toBe('泉州市人民政府');
    expect(result.auditChain).toMatchObject({ isPresent: true, isValid: true });
    expect(result.lookup).toMatchObject({ isKnown: true, kind: 'sealed', revision: 5, latestRevision: 5 });
    expect(result.verdict[0]).toMatch(/^VALID/);

    const tampered = bytes.slice();
    const at = Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const bad = (await uploadPdf('/api/verify', tampered)).json();
    expect(bad.isValid).toBe(false);
    expect(bad.lookup.isKnown).toBe(false);
    expect(bad.verdict[0]).toMatch(/^验证失败/);

    const earlier = await t.call(officer, 'GET', `/api/agreements/${id}/document.pdf?revision=3`);
    const lookup = (await uploadPdf('/api/verify', new Uint8Array(earlier.rawPayload))).json().lookup;
    expect(lookup).toMatchObject({ isKnown: true, kind: 'signature', revision: 3, latestRevision: 5 });
  });

  it('refuses anything after completion and an unknown link', async () => {
    const late = await t.call(null, 'POST', `/api/sign/${tokens[1]}/code`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('agreement.completed');
    const unknown = await t.call(null, 'GET', `/api/sign/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('signing.link_unknown');
  });

  it('rejects a non-PDF upload to verify, naming the field', async () => {
    const response = await uploadPdf('/api/verify', new TextEncoder().encode('hello'));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'file', code: 'file.type' });
  });
});

describe('signing order, decline, void, expiry', () => {
  it('sequential: only the first signer has a link; the next gets theirs after', async () => {
    const parties = threeParties('S').slice(0, 2);
    const { id } = await sendAgreementFor(t, officer, { parties, signingOrder: 'sequential' });
    const first = await linkTokenOf(t, 'S王明');
    await expect(linkTokenOf(t, 'S李华')).rejects.toThrow(/no signing-link/);
    const view = await t.call(null, 'GET', `/api/sign/${first}`);
    expect(view.json().canSign).toBe(true);
    await confirmCode(t, first, 'S王明');
    expect((await t.call(null, 'POST', `/api/sign/${first}/sign`, drawn())).statusCode).toBe(200);
    const second = await linkTokenOf(t, 'S李华');
    expect((await t.call(null, 'GET', `/api/sign/${second}`)).json()).toMatchObject({
      canSign: true,
      waitingFor: [],
    });
    const agreement = await agreementOf(id);
    expect(agreement.parties[1].signers[0].isTurn).toBe(true);
  });

  it('sequential: a later signer whose link was re-issued still waits for the earlier one', async () => {
    const parties = threeParties('Q').slice(0, 2);
    const { id } = await sendAgreementFor(t, officer, { parties, signingOrder: 'sequential' });
    const agreement = await agreementOf(id);
    const laterSigner = agreement.parties[1].signers[0].id;
    const issued = await t.call(officer, 'POST', `/api/agreements/${id}/signers/${laterSigner}/link`);
    expect(issued.statusCode).toBe(200);
    const token = issued.json().url.split('/').at(-1);
    expect((await t.call(null, 'GET', `/api/sign/${token}`)).json()).toMatchObject({
      canSign: false,
      waitingFor: ['Q王明'],
    });
    await confirmCode(t, token, 'Q李华');
    const early = await t.call(null, 'POST', `/api/sign/${token}/sign`, drawn());
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'signer.not_turn',
      en: 'Please wait: Q王明 must sign first',
    });
    const foreign = await t.call(otherCity, 'POST', `/api/agreements/${id}/signers/${laterSigner}/link`);
    expect(foreign.statusCode).toBe(404);
  });

  it('decline ends the agreement for everyone', async () => {
    const { id } = await sendAgreementFor(t, officer, { parties: threeParties('D').slice(0, 2) });
    const declining = await linkTokenOf(t, 'D李华');
    const declined = await t.call(null, 'POST', `/api/sign/${declining}/decline`, { reason: '条款需再议' });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().agreement.status).toBe('declined');
    const other = await linkTokenOf(t, 'D王明');
    const refused = await t.call(null, 'POST', `/api/sign/${other}/code`);
    expect(refused.json().error).toMatchObject({
      code: 'agreement.declined',
      en: 'The agreement was declined',
    });
    const agreement = await agreementOf(id);
    expect(agreement.parties[1].signers[0]).toMatchObject({
      status: 'declined',
      declinedReason: '条款需再议',
    });
    const short = await t.call(null, 'POST', `/api/sign/${declining}/decline`, { reason: 'x' });
    expect(short.statusCode).toBe(400);
  });

  it('void stops signing; links answer that it was voided', async () => {
    const { id, version } = await sendAgreementFor(t, officer, { parties: threeParties('V').slice(0, 2) });
    const token = await linkTokenOf(t, 'V王明');
    await confirmCode(t, token, 'V王明');
    const voided = await t.call(officer, 'POST', `/api/agreements/${id}/void`, {
      reason: '合作方调整',
      version,
    });
    expect(voided.statusCode, voided.body).toBe(200);
    const refused = await t.call(null, 'POST', `/api/sign/${token}/sign`, drawn());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('agreement.voided');
    const trail = (await t.call(officer, 'GET', `/api/agreements/${id}/audit`)).json();
    expect(trail.entries.at(-1)).toMatchObject({ action: 'voided', details: { reason: '合作方调整' } });
  });

  it('expiry: past its day the sweep expires the agreement and signing is refused', async () => {
    const { id } = await sendAgreementFor(t, officer, { parties: threeParties('E').slice(0, 2) });
    await t.database.sql`update agreements set expires_on = '2020-01-01' where id = ${id}`;
    const token = await linkTokenOf(t, 'E王明');
    const refused = await t.call(null, 'POST', `/api/sign/${token}/code`);
    expect(refused.json().error).toMatchObject({ code: 'agreement.expired' });
    const { runSigningSweep } = await import('./setup.ts');
    const swept = await runSigningSweep(t.database.db, t.signing);
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect((await agreementOf(id)).status).toBe('expired');
  });
});
