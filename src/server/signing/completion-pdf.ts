import { PDFDocument } from 'pdf-lib';
import type { ChainedAuditEntry } from './audit-chain.ts';
import {
  createTextFlow,
  embedSubsetFonts,
  numberPages,
  PAGE,
  type PdfFonts,
  type TextFlow,
} from './pdf-text.ts';

export type CompletionSignature = {
  signerName: string;
  organization: string | undefined;
  signedAt: Date | undefined;
  reason: string | undefined;
  location: string | undefined;
};

/** What a signer drew or typed in the app, shown beside their entry on the certificate. */
export type HandSignature = {
  signerName: string;
  organization: string;
  signedAt: Date;
  via: 'remote' | 'onsite';
  png: Uint8Array | null;
  text: string | null;
};

export type CompletionInput = {
  /** Drawn or typed signatures, in signing order. */
  handSignatures?: HandSignature[];
  titleZh: string;
  titleEn: string;
  reference?: string;
  /** SHA-256 of the PDF as the parties signed it (before these pages were added). */
  signedDocumentSha256: string;
  signatures: CompletionSignature[];
  auditEntries: ChainedAuditEntry[];
  sealedAt: Date;
};

function beijingTime(date: Date | undefined): string {
  if (!date) return '-';
  const text = date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return `${text}（北京时间 / Beijing time, ${date.toISOString().replace('.000Z', 'Z')}）`;
}

const STATIC_TEXT =
  '签署完成证明书Certificate of Completion协议编号签署方单位事由地点时间已签署文件摘要封存审计记录哈希链上一条本条' +
  'Agreement Signer Organization Reason Location Signed at Document SHA-256 Sealed at Audit trail hash chain previous entry北京时间';

const HAND_TEXT = '签署人签名手写输入远程现场 Signatures of the signers drawn typed remote on site';

async function drawHandSignatures(doc: PDFDocument, flow: TextFlow, fonts: PdfFonts, hands: HandSignature[]) {
  flow.space(6);
  flow.write('签署人签名 Signatures of the signers', { size: 12, bold: true, gap: 4 });
  const boxHeight = 54;
  for (const hand of hands) {
    flow.ensure(boxHeight + 30);
    const via = hand.via === 'onsite' ? '现场 on site' : '远程 remote';
    flow.write(`${hand.signerName}（${hand.organization}）· ${via} · ${beijingTime(hand.signedAt)}`, {
      size: 9,
    });
    const page = flow.page();
    const top = flow.y() - 4;
    if (hand.png) {
      const image = await doc.embedPng(hand.png);
      const scale = Math.min(220 / image.width, boxHeight / image.height, 1);
      page.drawImage(image, {
        x: PAGE.margin + 14,
        y: top - image.height * scale,
        width: image.width * scale,
        height: image.height * scale,
      });
    } else if (hand.text) {
      page.drawText(hand.text, { x: PAGE.margin + 14, y: top - 30, size: 24, font: fonts.bold });
    }
    flow.space(boxHeight + 8);
  }
}

/** Renders the certificate-of-completion page and the audit pages, appended to an agreement when it is sealed. */
export async function renderCompletionPdf(input: CompletionInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const auditText = input.auditEntries.map((entry) => JSON.stringify(entry)).join('');
  const signerText = input.signatures.map(
    (s) => `${s.signerName}${s.organization ?? ''}${s.reason ?? ''}${s.location ?? ''}`,
  );
  const fonts = await embedSubsetFonts(
    doc,
    [
      STATIC_TEXT,
      input.titleZh,
      input.titleEn,
      input.reference ?? '',
      ...signerText,
      auditText,
      beijingTime(input.sealedAt),
      HAND_TEXT,
      ...(input.handSignatures ?? []).flatMap((hand) => [
        hand.signerName,
        hand.organization,
        hand.text ?? '',
        beijingTime(hand.signedAt),
      ]),
    ].join(''),
  );
  const flow = createTextFlow(doc, fonts);
  flow.centered('签署完成证明书', 20, true);
  flow.centered('Certificate of Completion', 12);
  flow.space(12);
  flow.write(`协议 Agreement：${input.titleZh}`, { bold: true });
  flow.write(input.titleEn, { indent: 12, muted: true, size: 9.5 });
  if (input.reference) flow.write(`协议编号 No.：${input.reference}`);
  flow.write(`已签署文件摘要 Signed document SHA-256：`, { gap: 0 });
  flow.write(input.signedDocumentSha256, { indent: 12, size: 9 });
  flow.write(`封存时间 Sealed at：${beijingTime(input.sealedAt)}`, { gap: 8 });
  input.signatures.forEach((signature, index) => {
    flow.write(`${index + 1}. ${signature.signerName}`, { bold: true });
    flow.write(`单位 Organization：${signature.organization ?? '-'}`, { indent: 14 });
    flow.write(`时间 Signed at：${beijingTime(signature.signedAt)}`, { indent: 14 });
    flow.write(`事由 Reason：${signature.reason ?? '-'}　地点 Location：${signature.location ?? '-'}`, {
      indent: 14,
      gap: 4,
    });
  });
  if (input.handSignatures?.length) await drawHandSignatures(doc, flow, fonts, input.handSignatures);
  flow.space(10);
  flow.write('审计记录（哈希链） Audit trail (hash chain)', { size: 12, bold: true, gap: 4 });
  for (const entry of input.auditEntries) {
    const details = entry.details ? ` ${JSON.stringify(entry.details)}` : '';
    flow.write(`${entry.at}  ${entry.actor}  ${entry.action}${details}`, { size: 9 });
    flow.write(`上一条 previous ${entry.previousHash.slice(0, 16)}…  本条 entry ${entry.hash}`, {
      size: 7.5,
      muted: true,
      indent: 12,
      gap: 3,
    });
  }
  numberPages(doc, fonts.regular, '附页 Annex · ');
  return doc.save({ useObjectStreams: false });
}
