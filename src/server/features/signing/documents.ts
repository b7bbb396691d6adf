import { and, desc, eq } from 'drizzle-orm';
import type { AgreementView } from '../../../contracts/agreements.ts';
import { formatYi } from '../../../domain/amount.ts';
import type { DocumentKind } from '../../../domain/events.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { agreementDocuments, codeLists } from '../../db/schema.ts';
import { invalidField } from '../../platform/errors.ts';
import { sha256Hex } from '../../signing/timestamp.ts';

/** The latest stored PDF of an agreement (or the given revision), or null before one exists. */
export async function readDocument(db: DbOrTx, agreementId: string, revision?: number) {
  const [row] = await db
    .select()
    .from(agreementDocuments)
    .where(
      revision === undefined
        ? eq(agreementDocuments.agreementId, agreementId)
        : and(eq(agreementDocuments.agreementId, agreementId), eq(agreementDocuments.revision, revision)),
    )
    .orderBy(desc(agreementDocuments.revision))
    .limit(1);
  return row ?? null;
}

export async function storeDocument(
  db: DbOrTx,
  input: { agreementId: string; revision: number; kind: DocumentKind; bytes: Uint8Array; signerId?: string },
) {
  const content = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const sha256 = sha256Hex(input.bytes);
  await db.insert(agreementDocuments).values({
    agreementId: input.agreementId,
    revision: input.revision,
    kind: input.kind,
    signerId: input.signerId ?? null,
    content,
    size: content.byteLength,
    sha256,
  });
  return sha256;
}

/** The bilingual agreement PDF from the template, with the parties, projects and amount of the agreement. */
export async function renderFromTemplate(db: DbOrTx, view: AgreementView): Promise<Uint8Array> {
  const { renderAgreementPdf } = await import('../../signing/agreement-pdf.ts');
  const [type] = await db
    .select()
    .from(codeLists)
    .where(and(eq(codeLists.list, 'agreement_types'), eq(codeLists.code, view.typeCode)));
  const amountText = view.amount ? `${view.amount.displayZh} / ${view.amount.displayEn}` : '—';
  return renderAgreementPdf({
    titleZh: view.titleZh,
    titleEn: view.titleEn ?? '',
    typeZh: type?.nameZh ?? view.typeCode,
    typeEn: type?.nameEn ?? view.typeCode,
    reference: view.id.slice(0, 8).toUpperCase(),
    parties: view.parties.map((party) => ({
      nameZh: party.nameZh,
      nameEn: party.nameEn ?? '',
      signers: party.signers.map((signer) => signer.name),
    })),
    projects: view.projects.map((project) => ({
      nameZh: project.nameEn ? `${project.nameZh} ${project.nameEn}` : project.nameZh,
      amountText: formatYi(project.investmentYuan, 'zh-CN'),
    })),
    amountText,
  });
}

/** Checks that an upload is a PDF that can be signed: readable, not encrypted, not already signed. */
export async function checkUploadedPdf(bytes: Uint8Array): Promise<void> {
  const field = 'file';
  const header = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!header.includes('%PDF-'))
    throw invalidField(field, {
      code: 'document.not_pdf',
      zh: '上传的文件不是 PDF',
      en: 'The uploaded file is not a PDF',
    });
  const { PDF } = await import('@libpdf/core');
  let pdf: Awaited<ReturnType<typeof PDF.load>>;
  try {
    pdf = await PDF.load(bytes);
  } catch (error) {
    throw invalidField(field, {
      code: 'document.unreadable',
      zh: `PDF 无法读取：${(error as Error).message}`,
      en: `The PDF cannot be read: ${(error as Error).message}`,
    });
  }
  if (pdf.isEncrypted)
    throw invalidField(field, {
      code: 'document.encrypted',
      zh: 'PDF 已加密，请上传未加密的文件',
      en: 'The PDF is encrypted; upload an unencrypted file',
    });
  const { isSignatureField } = await import('../../signing/verify.ts');
  const signed = (pdf.getForm()?.getFields() ?? []).some(
    (field) => isSignatureField(field) && field.isSigned(),
  );
  if (signed)
    throw invalidField(field, {
      code: 'document.already_signed',
      zh: 'PDF 已含数字签名，请上传未签署的协议文本',
      en: 'The PDF already carries digital signatures; upload the unsigned agreement',
    });
  if (pdf.getPageCount() === 0)
    throw invalidField(field, { code: 'document.empty', zh: 'PDF 没有页面', en: 'The PDF has no pages' });
}
