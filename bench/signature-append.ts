// Time to append one party's signature to a 20-page agreement: Luodi's signPdf (what every signature runs)
// against a bare @libpdf/core sign() with the same key. The whole signing request (database, PDF, audit,
// live update) is timed by the ceremony bench.

import { CryptoKeySigner, PDF } from '@libpdf/core';
import { renderAgreementPdf } from '../src/server/signing/agreement-pdf.ts';
import { signPdf } from '../src/server/signing/pades.ts';
import { createCertificateAuthority, issuePartyCertificate } from '../src/server/signing/pki.ts';
import { sampleAgreement } from '../src/server/signing/test-fixtures.ts';
import { summarize, type Timing } from './lib/measure.ts';

const RUNS = Number(process.env.BENCH_SIGN_RUNS ?? 40);

/** A real bilingual agreement long enough to fill 20 pages. */
async function twentyPagePdf(): Promise<Uint8Array> {
  const clause = sampleAgreement.clauses?.[0] ?? { zh: '条款', en: 'Clause' };
  for (let clauses = 60; ; clauses += 20) {
    const bytes = await renderAgreementPdf({
      ...sampleAgreement,
      clauses: Array.from({ length: clauses }, () => clause),
    });
    const pages = (await PDF.load(bytes)).getPageCount();
    if (pages >= 20) return bytes;
  }
}

async function time(runs: number, task: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i += 1) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

const row = (name: string, t: Timing) =>
  `${name.padEnd(44)} p50 ${t.p50.toFixed(1).padStart(6)} ms   p95 ${t.p95.toFixed(1).padStart(6)} ms   mean ${t.mean.toFixed(1).padStart(6)} ms`;

export async function benchSignatureAppend(): Promise<Record<string, Timing>> {
  const pdf = await twentyPagePdf();
  const pages = (await PDF.load(pdf)).getPageCount();
  const ca = await createCertificateAuthority({ commonName: 'Bench CA', organization: 'Bench' });
  const party = await issuePartyCertificate(ca, {
    commonName: '泉州市人民政府',
    organization: '泉州市人民政府',
  });
  console.log(`agreement PDF: ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KB; ${RUNS} timed runs each`);

  const bare = await time(RUNS, async () => {
    const document = await PDF.load(pdf);
    await document.sign({
      signer: new CryptoKeySigner(party.privateKey, party.certificateDer, 'EC', 'ECDSA', [ca.certificateDer]),
      subFilter: 'ETSI.CAdES.detached',
    });
  });
  const luodi = await time(RUNS, () =>
    signPdf(pdf, {
      key: party.privateKey,
      certificate: party.certificateDer,
      chain: [ca.certificateDer],
      reason: '王明代表泉州市人民政府签署 / Signed by Wang Ming',
      location: '云签约 Luodi online',
      signerName: '泉州市人民政府 王明',
    }),
  );
  // The third signature on a file that already has two: the incremental update still only appends.
  let twice = pdf;
  for (const name of ['甲', '乙'])
    twice = await signPdf(twice, {
      key: party.privateKey,
      certificate: party.certificateDer,
      chain: [ca.certificateDer],
      reason: name,
      location: 'bench',
      signerName: name,
    });
  const third = await time(RUNS, () =>
    signPdf(twice, {
      key: party.privateKey,
      certificate: party.certificateDer,
      chain: [ca.certificateDer],
      reason: '丙',
      location: 'bench',
      signerName: '丙',
    }),
  );
  console.log(row('bare @libpdf/core sign()', bare));
  console.log(row('Luodi signPdf (PAdES B-B, reason, location)', luodi));
  console.log(row('Luodi signPdf, third signature on the file', third));
  console.log(`overhead of Luodi's wrapper at p50: ${(luodi.p50 - bare.p50).toFixed(1)} ms`);
  return { bare, luodi, third };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSignatureAppend();
