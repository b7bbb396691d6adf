import { describe, expect, it } from 'vitest';
import { sealQueueIdle } from '../features/signing/seal.ts';
import { drawn, organizationsFor, sendAgreementFor } from '../features/signing/test-support.ts';
import { startTestApp } from './app.ts';
import { missingTools } from './independent-pdf-check.ts';

const hasTools = (await missingTools()).length === 0;

describe.skipIf(!hasTools)('startTestApp().close()', () => {
  it('fails loudly when a sealed PDF in the database fails pdfsig, openssl or qpdf', async () => {
    const t = await startTestApp();
    const officer = await t.user('officer', '350500');
    const orgs = await organizationsFor(t, officer, ['泉州市人民政府', '安踏体育用品集团有限公司']);
    const { id } = await sendAgreementFor(t, officer, {
      parties: orgs.map((organizationId, index) => ({
        organizationId,
        signers: [{ name: `签署人${index}` }],
      })),
    });
    const agreement = (await t.call(officer, 'GET', `/api/agreements/${id}`)).json();
    for (const party of agreement.parties) {
      const url = `/api/agreements/${id}/signers/${party.signers[0].id}/onsite`;
      const signed = await t.call(officer, 'POST', url, drawn());
      expect(signed.statusCode, signed.body).toBe(200);
    }
    await sealQueueIdle(t.signing);
    expect((await t.call(officer, 'GET', `/api/agreements/${id}`)).json().seal.status).toBe('sealed');
    // One byte inside what every signature covers.
    await t.database.sql`
      update agreement_documents set content = overlay(content placing '\\x25'::bytea from 200 for 1)
      where agreement_id = ${id} and kind = 'sealed'`;
    await expect(t.close()).rejects.toThrow(/fails the independent checks[\s\S]*pdfsig: signature 1/);
  });
});
