import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  issuePartyCertificate,
  loadCertificateAuthority,
  openCaKey,
  parseCertificate,
  sealCaKey,
  serialFromBytes,
  subjectAttribute,
  toPem,
} from './pki.ts';

const PASSPHRASE = 'correct horse battery staple';

describe('deployment CA', () => {
  it('issues a party certificate with a Chinese name that chains to the CA', async () => {
    const ca = await createCertificateAuthority({ commonName: '落地 测试 CA', organization: '泉州市商务局' });
    const party = await issuePartyCertificate(ca, {
      commonName: '泉州市人民政府',
      organization: '泉州市人民政府',
      usci: '11350500003602848K',
    });
    const parsed = parseCertificate(party.certificateDer);
    expect(subjectAttribute(parsed)).toBe('泉州市人民政府');
    expect(await parsed.verify(ca.certificate)).toBe(true);

    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: [ca.certificate],
      certs: [parsed],
    });
    const result = await engine.verify();
    expect(result.result).toBe(true);
  });

  it('writes certificates OpenSSL accepts as CA and end entity', async () => {
    const ca = await createCertificateAuthority({ commonName: 'Luodi CA', organization: 'Luodi' });
    const party = await issuePartyCertificate(ca, { commonName: '厦门市', organization: '厦门市' });
    const dir = mkdtempSync(join(tmpdir(), 'luodi-pki-'));
    writeFileSync(join(dir, 'ca.pem'), toPem(ca.certificateDer, 'CERTIFICATE'));
    writeFileSync(join(dir, 'party.pem'), toPem(party.certificateDer, 'CERTIFICATE'));
    let output: string;
    try {
      output = execFileSync('openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), join(dir, 'party.pem')], {
        encoding: 'utf8',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // no openssl binary here
      throw error;
    }
    expect(output).toContain('OK');
  });

  it('seals the CA key so only the passphrase opens it', async () => {
    const ca = await createCertificateAuthority({ commonName: 'Luodi CA', organization: 'Luodi' });
    const sealed = await sealCaKey(ca.privateKey, PASSPHRASE);
    expect(sealed).toMatch(/^luodi-sealed-key:v1:/);
    expect(sealed).not.toContain('PRIVATE KEY');
    await expect(openCaKey(sealed, 'wrong passphrase!!')).rejects.toThrow(/wrong passphrase/);

    const reloaded = await loadCertificateAuthority(
      toPem(ca.certificateDer, 'CERTIFICATE'),
      sealed,
      PASSPHRASE,
    );
    const party = await issuePartyCertificate(reloaded, { commonName: 'Party', organization: 'Org' });
    expect(await party.certificate.verify(ca.certificate)).toBe(true);
  });
});

describe('certificate serial numbers', () => {
  // The independent checks found sealed PDFs that OpenSSL could not read: a serial starting 0x00 0x1f…
  it('are minimal positive DER integers whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const der = new Uint8Array(serialFromBytes(bytes).toBER(false));
        // tag 02, length 16, then the value: top bit clear (positive) and no leading zero byte.
        expect([der[0], der[1]]).toEqual([0x02, 16]);
        expect(der[2]).toBeGreaterThan(0);
        expect(der[2]).toBeLessThan(0x80);
      }),
      { examples: [[new Uint8Array(16)], [Uint8Array.from([0x80, 0x1f, ...new Array(14).fill(0)])]] },
    );
  });
});
