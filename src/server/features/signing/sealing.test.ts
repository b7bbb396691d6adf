import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePartyCertificate } from '../../signing/pki.ts';
import { startTestTsa, type TestTsa } from '../../signing/test-tsa.ts';
import { createTimestampAuthority } from '../../signing/timestamp.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { readUntil } from '../../testing/wait.ts';
import { sealAgreement, sealQueueIdle } from './seal.ts';
import { runSigningSweep } from './setup.ts';
import { drawn, organizationsFor, sendAgreementFor } from './test-support.ts';

let t: TestContext;
let officer: TestUser;
let enterprise: TestUser;
let orgs: string[];
const servers: TestTsa[] = [];

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
  orgs = await organizationsFor(t, officer, ['福州市人民政府', '百宏实业控股有限公司']);
  enterprise = await t.user('enterprise', '350100', { organizationId: orgs[1] });
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await t.close();
});

const parties = (prefix: string) => [
  { organizationId: orgs[0] as string, signers: [{ name: `${prefix}林主任` }] },
  { organizationId: orgs[1] as string, signers: [{ name: `${prefix}吴总`, title: '董事长' }] },
];

async function agreementOf(id: string) {
  return (await t.call(officer, 'GET', `/api/agreements/${id}`)).json();
}

async function signOnSite(id: string, user: TestUser = officer) {
  const agreement = await agreementOf(id);
  const signers = agreement.parties.flatMap((p: { signers: { id: string }[] }) => p.signers);
  return Promise.all(
    signers.map((signer: { id: string }) =>
      t.call(user, 'POST', `/api/agreements/${id}/signers/${signer.id}/onsite`, drawn()),
    ),
  );
}

describe('on-site signing on the host tablet', () => {
  it('lets the signed-in host take each signature; the trail names the host', async () => {
    const { id } = await sendAgreementFor(t, officer, { parties: parties('O') });
    const denied = await signOnSite(id, enterprise);
    expect(denied.map((r) => r.statusCode)).toEqual([403, 403]);
    const results = await signOnSite(id);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const trail = (await t.call(officer, 'GET', `/api/agreements/${id}/audit`)).json();
    const signed = trail.entries.filter((e: { action: string }) => e.action === 'signed');
    expect(signed.map((e: { details: { via: string; identityCheckedBy: string } }) => e.details)).toEqual([
      expect.objectContaining({ via: 'onsite', identityCheckedBy: officer.username }),
      expect.objectContaining({ via: 'onsite', identityCheckedBy: officer.username }),
    ]);
  });

  it('rejects a drawn signature that is not a PNG, naming the field, and signs nothing', async () => {
    const { id } = await sendAgreementFor(t, officer, { parties: parties('P') });
    const signer = (await agreementOf(id)).parties[0].signers[0].id;
    const response = await t.call(officer, 'POST', `/api/agreements/${id}/signers/${signer}/onsite`, {
      signature: { kind: 'drawn', png: Buffer.from('not a picture at all').toString('base64') },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({
      field: 'signature.png',
      code: 'signature.image',
    });
    expect((await agreementOf(id)).document.revision).toBe(1);
  });
});

describe('uploaded PDFs', () => {
  it('takes the agreement’s own PDF on a draft and refuses what is not a readable PDF', async () => {
    const created = await t.call(officer, 'POST', '/api/agreements', {
      typeCode: 'investment_contract',
      titleZh: '投资合同',
      parties: parties('U'),
    });
    const id = created.json().id;
    const preview = await t.call(officer, 'GET', `/api/agreements/${id}/document.pdf`);
    expect(preview.statusCode).toBe(200);
    const upload = (bytes: Uint8Array) =>
      t.upload(officer, `/api/agreements/${id}/document`, {
        name: 'c.pdf',
        type: 'application/pdf',
        content: bytes,
      });
    const notPdf = await upload(new TextEncoder().encode('PK\u0003\u0004 a zip file'));
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().error.details[0]).toMatchObject({ field: 'file', code: 'file.type' });
    const broken = await upload(new TextEncoder().encode('%PDF-1.7\n garbage without objects'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details[0].field).toBe('file');
    const ok = await upload(new Uint8Array(preview.rawPayload));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().document).toMatchObject({ revision: 1, isUploaded: true });
    const sent = await t.call(officer, 'POST', `/api/agreements/${id}/send`, { version: ok.json().version });
    expect(sent.json().document).toMatchObject({ revision: 1, isUploaded: true });
    const late = await upload(new Uint8Array(preview.rawPayload));
    expect(late.statusCode).toBe(409);
  });
});

describe('sealing with a timestamp authority', () => {
  it('fails loudly while the TSA is down, keeps retrying, and seals once it answers', async () => {
    const tsaIdentity = await issuePartyCertificate(t.signing.keys.ca, {
      commonName: 'Test TSA',
      organization: 'Test',
    });
    await sealQueueIdle(t.signing); // the seals of the tests before are done with the TSA-less set-up
    const down = await startTestTsa(tsaIdentity, 'http-error');
    const up = await startTestTsa(tsaIdentity, 'grant');
    servers.push(down, up);
    t.signing.timestampAuthority = createTimestampAuthority(down.url);

    const { id } = await sendAgreementFor(t, officer, { parties: parties('T') });
    await signOnSite(id);
    // The seal scheduled after the last signature fails against the TSA that is down.
    let agreement = await readUntil(
      () => agreementOf(id),
      (read) => read.seal.attempts > 0 && Boolean(read.seal.error),
      'the first failed seal attempt',
    );
    expect(agreement.status).toBe('signing');
    expect(agreement.signedAt).not.toBeNull();
    expect(agreement.seal).toMatchObject({ status: 'pending', attempts: 1 });
    expect(agreement.seal.error).toMatch(/HTTP 500/);
    expect(down.requestCount()).toBe(1);

    // Not due yet: the sweep leaves it alone until its next attempt.
    expect((await runSigningSweep(t.database.db, t.signing)).seals.sealed).toBe(0);
    await t.database
      .sql`update agreements set seal_next_attempt_at = now() - interval '1 second' where id = ${id}`;
    expect(await sealAgreement(t.database.db, t.signing, id)).toBe('failed');
    expect((await agreementOf(id)).seal).toMatchObject({ status: 'pending', attempts: 2 });

    t.signing.timestampAuthority = createTimestampAuthority(up.url);
    await t.database
      .sql`update agreements set seal_next_attempt_at = now() - interval '1 second' where id = ${id}`;
    const swept = await runSigningSweep(t.database.db, t.signing);
    expect(swept.seals.sealed).toBe(1);
    agreement = await agreementOf(id);
    expect(agreement).toMatchObject({
      status: 'completed',
      seal: { status: 'sealed', attempts: 3, error: null },
    });
    const sealed = await t.call(officer, 'GET', `/api/agreements/${id}/document.pdf`);
    const { verifyPdf } = await import('../../signing/verify.ts');
    const result = await verifyPdf(new Uint8Array(sealed.rawPayload), {
      trustedCa: t.signing.keys.ca.certificate,
    });
    expect(result.isValid).toBe(true);
    expect(result.signatures.at(-1)?.hasTimestamp).toBe(true);
    expect(result.signatures.at(-1)?.timestamp?.isValid).toBe(true);
    t.signing.timestampAuthority = null;
  });
});
