import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createCertificateAuthority,
  issuePartyCertificate,
  renderAgreementPdf,
  signPdf,
  toPem,
} from '../server/signing/index.ts';
import { verifyCommand } from './verify.ts';

let folder: string;
let caFile: string;
let otherCaFile: string;
let signedFile: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'luodi-verify-'));
  const ca = await createCertificateAuthority({ commonName: '落地测试 CA', organization: 'Luodi' });
  const other = await createCertificateAuthority({ commonName: '落地测试 CA', organization: 'Luodi' });
  const party = await issuePartyCertificate(ca, {
    commonName: '福州市振兴乡村集团有限公司',
    organization: '福州市振兴乡村集团有限公司',
  });
  const pdf = await renderAgreementPdf({
    titleZh: '战略合作协议',
    titleEn: 'Strategic cooperation agreement',
    typeZh: '战略合作协议',
    typeEn: 'Strategic cooperation',
    parties: [
      {
        nameZh: '福州市振兴乡村集团有限公司',
        nameEn: 'Fuzhou Rural Revitalization Group',
        signers: ['吴正颜'],
      },
      { nameZh: '宽腾（北京）医疗器械有限公司', nameEn: 'Kuanteng (Beijing) Medical', signers: ['张三'] },
    ],
    projects: [{ nameZh: '医疗机器人项目', amountText: '1.20亿元' }],
    amountText: '1.20亿元',
  });
  const signed = await signPdf(pdf, {
    key: party.privateKey,
    certificate: party.certificateDer,
    chain: [ca.certificateDer],
    reason: '签署',
    location: '福州',
    signerName: '吴正颜',
  });
  caFile = path.join(folder, 'ca.pem');
  otherCaFile = path.join(folder, 'other.pem');
  signedFile = path.join(folder, 'signed.pdf');
  await writeFile(caFile, toPem(ca.certificateDer, 'CERTIFICATE'));
  await writeFile(otherCaFile, toPem(other.certificateDer, 'CERTIFICATE'));
  await writeFile(signedFile, signed);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('luodi verify', () => {
  it('prints a verdict per signature and exits 0 for a file signed under the deployment CA', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await verifyCommand(signedFile, { ca: caFile, lang: 'en-US' })).toBe(0);
    const printed = log.mock.calls.flat().join('\n');
    log.mockRestore();
    expect(printed).toMatch(/^VALID/);
    expect(printed).toContain('福州市振兴乡村集团有限公司');
  });

  it('exits 2 when the file is checked against another CA', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await verifyCommand(signedFile, { ca: otherCaFile, lang: 'zh-CN' })).toBe(2);
    log.mockRestore();
  });
});
