import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { sampleAgreement } from './test-fixtures.ts';

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('renderAgreementPdf', () => {
  it('renders a small bilingual PDF with the Chinese font embedded', async () => {
    const bytes = await renderAgreementPdf(sampleAgreement);
    expect(bytes.length).toBeLessThan(200_000);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('/FontFile2');
    expect(text).toContain('/ToUnicode');
  });

  it.runIf(hasPoppler())('has extractable Chinese and English text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luodi-agreement-'));
    const file = join(dir, 'agreement.pdf');
    writeFileSync(file, await renderAgreementPdf(sampleAgreement));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('泉州市新能源产业战略合作协议');
    expect(text).toContain('Strategic Cooperation Agreement');
    expect(text).toContain('128.5亿元');
  });
});
