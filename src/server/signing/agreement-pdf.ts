import { PDFDocument } from 'pdf-lib';
import { createTextFlow, embedSubsetFonts, numberPages, PAGE } from './pdf-text.ts';

export type AgreementParty = { nameZh: string; nameEn: string; signers: string[] };
export type AgreementProject = { nameZh: string; amountText: string };
export type AgreementClause = { zh: string; en: string };
export type AgreementPdfInput = {
  titleZh: string;
  titleEn: string;
  typeZh: string;
  typeEn: string;
  parties: AgreementParty[];
  projects: AgreementProject[];
  amountText: string;
  clauses?: AgreementClause[];
  /** Agreement number printed under the title, e.g. QZ-2026-0012. */
  reference?: string;
};

const PARTY_LABELS_ZH = ['甲方', '乙方', '丙方', '丁方', '戊方', '己方', '庚方', '辛方', '壬方', '癸方'];
const partyLabel = (index: number) => ({
  zh: PARTY_LABELS_ZH[index] ?? `第${index + 1}方`,
  en: `Party ${String.fromCharCode(65 + (index % 26))}`,
});

function allText(input: AgreementPdfInput): string {
  const parts = [
    input.titleZh,
    input.titleEn,
    input.typeZh,
    input.typeEn,
    input.amountText,
    input.reference ?? '',
    PARTY_LABELS_ZH.join(''),
    STATIC_TEXT,
    ...input.parties.flatMap((party) => [party.nameZh, party.nameEn, ...party.signers]),
    ...input.projects.flatMap((project) => [project.nameZh, project.amountText]),
    ...(input.clauses ?? []).flatMap((clause) => [clause.zh, clause.en]),
  ];
  return parts.join('');
}

const STATIC_TEXT =
  '协议类型签约各方签约项目项目名称金额协议总金额条款签署栏签章签署人日期第页共编号' +
  'Agreement type Parties Projects Project Amount Total amount Terms Signatures signature seal Signer Date Page of No';

/** Renders a bilingual (Chinese / English) agreement as a PDF with a subset Chinese font. */
export async function renderAgreementPdf(input: AgreementPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${input.titleZh} ${input.titleEn}`);
  doc.setLanguage('zh-CN');
  doc.setCreator('Luodi 落地');
  doc.setProducer('Luodi 落地');
  // A fixed date keeps the unsigned file reproducible for the same agreement.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const fonts = await embedSubsetFonts(doc, allText(input));
  const flow = createTextFlow(doc, fonts);

  flow.space(8);
  flow.centered(input.titleZh, 20, true);
  flow.centered(input.titleEn, 12);
  if (input.reference) flow.centered(`编号 No. ${input.reference}`, 9);
  flow.space(14);
  flow.write(`协议类型 Agreement type：${input.typeZh} / ${input.typeEn}`, { gap: 8 });

  flow.write('签约各方 Parties', { size: 12, bold: true, gap: 2 });
  input.parties.forEach((party, index) => {
    const label = partyLabel(index);
    flow.write(`${label.zh}（${label.en}）：${party.nameZh}`, { indent: 12 });
    flow.write(party.nameEn, { indent: 12 + 60, muted: true, size: 9.5 });
  });
  flow.space(8);

  if (input.projects.length > 0) {
    flow.write('签约项目 Projects', { size: 12, bold: true, gap: 2 });
    input.projects.forEach((project, index) => {
      flow.write(`${index + 1}. ${project.nameZh}　${project.amountText}`, { indent: 12 });
    });
    flow.space(4);
  }
  flow.write(`协议总金额 Total amount：${input.amountText}`, { bold: true, gap: 8 });

  if (input.clauses && input.clauses.length > 0) {
    flow.write('条款 Terms', { size: 12, bold: true, gap: 2 });
    input.clauses.forEach((clause, index) => {
      flow.write(`${index + 1}. ${clause.zh}`, { indent: 12 });
      flow.write(clause.en, { indent: 12, muted: true, size: 9.5, gap: 4 });
    });
    flow.space(8);
  }

  flow.write('签署栏 Signatures', { size: 12, bold: true, gap: 6 });
  const columnWidth = (PAGE.width - 2 * PAGE.margin) / 2;
  for (let index = 0; index < input.parties.length; index += 2) {
    const row = input.parties.slice(index, index + 2);
    const rowHeight = 84;
    flow.ensure(rowHeight);
    const top = flow.y();
    row.forEach((party, column) => {
      const label = partyLabel(index + column);
      const x = PAGE.margin + column * columnWidth;
      const page = flow.page();
      const lines = [
        { text: `${label.zh}（签章）${label.en} (signature / seal)`, bold: true },
        { text: party.nameZh, bold: false },
        { text: `签署人 Signer：${party.signers.join('、')}`, bold: false },
        { text: '日期 Date：', bold: false },
      ];
      lines.forEach((line, lineIndex) => {
        const font = line.bold ? fonts.bold : fonts.regular;
        page.drawText(line.text, {
          x,
          y: top - 14 - lineIndex * 16,
          size: 9.5,
          font,
          maxWidth: columnWidth - 12,
        });
      });
    });
    flow.space(rowHeight);
  }

  numberPages(doc, fonts.regular);
  return doc.save({ useObjectStreams: false });
}
