// Agreements and cloud signing: the deployment CA, agreement PDFs, PAdES signatures, sealing and verification.

export { type AgreementPdfInput, renderAgreementPdf } from './agreement-pdf.ts';
export {
  type AuditEntry,
  type ChainedAuditEntry,
  chainEntries,
  chainEntry,
  GENESIS_HASH,
  verifyChain,
} from './audit-chain.ts';
export { describeFinding } from './diff-wording.ts';
export {
  describeActiveContent,
  formatVerification,
  type VerificationLocale,
} from './format-verification.ts';
export { type SignPdfOptions, signPdf } from './pades.ts';
export {
  createCertificateAuthority,
  fromPem,
  issuePartyCertificate,
  type KeyAndCertificate,
  loadCertificateAuthority,
  openCaKey,
  type PartySubject,
  parseCertificate,
  sealCaKey,
  toPem,
} from './pki.ts';
export { type SealOptions, type SealResult, sealAgreementPdf } from './seal.ts';
export { createTimestampAuthority, sha256Hex, TimestampFailedError } from './timestamp.ts';
export { type SignatureCheck, type VerificationResult, type VerifyOptions, verifyPdf } from './verify.ts';
