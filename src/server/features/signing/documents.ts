import { and, desc, eq } from 'drizzle-orm';
import type { AgreementView } from '../../../contracts/agreements.ts';
import { formatYi } from '../../../domain/amount.ts';
import type { DocumentKind } from '../../../domain/events.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { agreementDocuments, codeLists } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
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

/** Refuses an upload that cannot be signed (not a PDF, broken, encrypted, signed, page-less or active), naming why. */
export async function checkUploadedPdf(bytes: Uint8Array): Promise<void> {
  const { inspectPdf } = await import('../../signing/pdf-inspect.ts');
  const problems = await inspectPdf(bytes);
  const [first] = problems;
  if (!first) return;
  const details = problems.map((problem) => ({ ...problem, field: 'file' }));
  const isPlain = problems.length === 1 && first.code !== 'document.active_content';
  if (isPlain) throw new AppError('validation', 400, first.zh, first.en, details);
  throw new AppError(
    'validation',
    400,
    `PDF 不能用于签署：${problems.map((problem) => problem.zh).join('；')}`,
    `The PDF cannot be signed: ${problems.map((problem) => problem.en).join('; ')}`,
    details,
  );
}
