import { desc, eq } from 'drizzle-orm';
import type { VerifyReport } from '../../../contracts/signing.ts';
import type { Db } from '../../db/connect.ts';
import { agreementDocuments, agreements } from '../../db/schema.ts';
import { invalidField } from '../../platform/errors.ts';
import { SEALER_NAME } from '../../platform/signing-keys.ts';
import type { SigningContext } from './context.ts';

/**
 * The public verify page: every signature checked against this deployment's CA, changes after each signature,
 * the attached audit chain, and what this deployment knows of a file with the same SHA-256.
 */
export async function verifyUpload(
  db: Db,
  context: SigningContext,
  bytes: Uint8Array,
  locale: 'zh-CN' | 'en-US',
): Promise<VerifyReport> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-'))
    throw invalidField('file', {
      code: 'document.not_pdf',
      zh: '上传的文件不是 PDF',
      en: 'The uploaded file is not a PDF',
    });
  const { verifyPdf, formatVerification, describeFinding, describeActiveContent } = await import(
    '../../signing/index.ts'
  );
  const result = await verifyPdf(bytes, { trustedCa: context.keys.ca.certificate, sealerName: SEALER_NAME });
  const [document] = await db
    .select({
      kind: agreementDocuments.kind,
      revision: agreementDocuments.revision,
      agreement: agreements,
    })
    .from(agreementDocuments)
    .innerJoin(agreements, eq(agreements.id, agreementDocuments.agreementId))
    .where(eq(agreementDocuments.sha256, result.sha256))
    .orderBy(desc(agreementDocuments.revision))
    .limit(1);
  return {
    sha256: result.sha256,
    isValid: result.isValid,
    signatures: result.signatures.map((check, index) => ({
      index: index + 1,
      signerName: check.signerName,
      organization: check.signerOrganization ?? null,
      signedAt: check.signingTime?.toISOString() ?? null,
      isValid: check.isValid,
      isCryptographicallyValid: check.isIntact,
      isChainTrusted: check.isTrusted,
      coversWholeFileAtItsRevision: !check.isModifiedAfter,
      isSeal: check.signerName === SEALER_NAME,
      hasTimestamp: check.hasTimestamp,
      problems: check.problems,
      modifications: check.modifications.map((finding) => describeFinding(finding, locale)),
    })),
    activeContent: result.activeContent.map((item) => describeActiveContent(item, locale)),
    auditChain: {
      isPresent: result.auditTrail.isPresent,
      isValid: result.auditTrail.isValid,
      count: result.auditTrail.count,
    },
    verdict: formatVerification(result, locale).trimEnd().split('\n'),
    lookup: document
      ? {
          isKnown: true,
          kind: document.kind,
          revision: document.revision,
          latestRevision: document.agreement.documentRevision,
          agreement: {
            titleZh: document.agreement.titleZh,
            titleEn: document.agreement.titleEn,
            status: document.agreement.status,
            signedAt: document.agreement.signedAt?.toISOString() ?? null,
            sealedAt: document.agreement.sealedAt?.toISOString() ?? null,
          },
        }
      : { isKnown: false, kind: null, revision: null, latestRevision: null, agreement: null },
  };
}
