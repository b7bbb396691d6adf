import { PDF, type TimestampAuthority } from '@libpdf/core';
import type * as pkijs from 'pkijs';
import type { ChainedAuditEntry } from './audit-chain.ts';
import { AUDIT_ATTACHMENT, verifyChain } from './audit-chain.ts';
import { type HandSignature, renderCompletionPdf } from './completion-pdf.ts';
import { signPdf } from './pades.ts';
import type { KeyAndCertificate } from './pki.ts';
import { sha256Hex } from './timestamp.ts';
import { verifyPdf } from './verify.ts';

export type SealOptions = {
  titleZh: string;
  titleEn: string;
  reference?: string;
  /** The platform's seal identity: a certificate issued by the deployment CA. */
  sealer: KeyAndCertificate;
  ca: pkijs.Certificate;
  caDer: Uint8Array;
  auditEntries: ChainedAuditEntry[];
  /** The signers' drawn or typed signatures, shown on the certificate of completion. */
  handSignatures?: HandSignature[];
  /** When set the seal signature is timestamped; if the TSA fails, sealing throws. */
  timestampAuthority?: TimestampAuthority;
  sealedAt?: Date;
  /** The seal's field name in PDF readers. */
  sealerName?: string;
};

export type SealResult = { bytes: Uint8Array; sha256: string; signedDocumentSha256: string };

/** Adds the completion and audit pages (and the audit JSON) to a fully signed PDF, then seal-signs it. */
export async function sealAgreementPdf(signedBytes: Uint8Array, options: SealOptions): Promise<SealResult> {
  const check = await verifyPdf(signedBytes, { trustedCa: options.ca });
  if (!check.isValid)
    throw new Error(
      `Cannot seal: the parties' signatures do not verify (${check.problems.join(', ') || 'see verifyPdf'})`,
    );
  const chain = verifyChain(options.auditEntries);
  if (!chain.isValid)
    throw new Error(`Cannot seal: audit trail broken at entry ${chain.brokenAt} (${chain.reason})`);
  const sealedAt = options.sealedAt ?? new Date();

  const completion = await renderCompletionPdf({
    titleZh: options.titleZh,
    titleEn: options.titleEn,
    reference: options.reference,
    signedDocumentSha256: check.sha256,
    signatures: check.signatures.map((signature) => ({
      signerName: signature.signerName,
      organization: signature.signerOrganization,
      signedAt: signature.signingTime,
      reason: signature.reason,
      location: signature.location,
    })),
    auditEntries: options.auditEntries,
    handSignatures: options.handSignatures,
    sealedAt,
  });
  const pdf = await PDF.load(signedBytes);
  const annex = await PDF.load(completion);
  await pdf.copyPagesFrom(
    annex,
    annex.getPages().map((_, index) => index),
  );
  pdf.addAttachment(AUDIT_ATTACHMENT, new TextEncoder().encode(JSON.stringify(options.auditEntries)), {
    mimeType: 'application/json',
    description: 'Luodi audit trail (SHA-256 hash chain)',
    createdAt: sealedAt,
  });
  const withAnnex = await pdf.save({ incremental: true });

  const sealed = await signPdf(withAnnex, {
    key: options.sealer.privateKey,
    certificate: options.sealer.certificateDer,
    chain: [options.caDer],
    reason: '封存 / Sealed',
    location: 'Luodi',
    signerName: options.sealerName ?? '落地封存 Luodi seal',
    signedAt: sealedAt,
    timestampAuthority: options.timestampAuthority,
  });
  return { bytes: sealed, sha256: sha256Hex(sealed), signedDocumentSha256: check.sha256 };
}
