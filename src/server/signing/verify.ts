import { createHash } from 'node:crypto';
import { PDF, type PdfDict } from '@libpdf/core';
import * as pkijs from 'pkijs';
import { AUDIT_ATTACHMENT, type ChainedAuditEntry, verifyChain } from './audit-chain.ts';
import {
  attributeValue,
  certificatesOf,
  checkTimestampToken,
  findSigner,
  hasToDate,
  OID,
  parseSignedData,
  type TimestampCheck,
  verifySignerInfo,
} from './cms.ts';
import type { UpdateFinding } from './diff-analysis.ts';
import type { ContentFinding } from './pdf-content-scan.ts';
import { SUBJECT_OIDS, subjectAttribute } from './pki.ts';
import { changesAfter, loadRevisions, type RevisionChange, type RevisionView } from './revisions.ts';
import { activeContentOf, disallowedChanges, docMdpPermission } from './verify-changes.ts';

export type SignatureProblem =
  | 'byte-range-malformed'
  | 'cms-unreadable'
  | 'digest-mismatch'
  | 'signature-invalid'
  | 'untrusted-certificate'
  | 'modified-after-signing'
  | 'timestamp-invalid';

export type SignatureCheck = {
  fieldName: string;
  signerName: string;
  signerOrganization: string | undefined;
  signingTime: Date | undefined;
  reason: string | undefined;
  location: string | undefined;
  subFilter: string | undefined;
  byteRange: number[];
  /** The CMS signature verifies over the bytes its ByteRange names. */
  isIntact: boolean;
  /** The signer's certificate chains to the trusted deployment CA. */
  isTrusted: boolean;
  hasTimestamp: boolean;
  /** The RFC 3161 token in the signature: whether it stamps this signature and its TSA signature holds. */
  timestamp: TimestampCheck | undefined;
  /** The revision (1-based) this signature closes. */
  revision: number | undefined;
  laterRevisions: RevisionChange[];
  /** Changes after this signature that it does not allow, each naming the object. */
  modifications: UpdateFinding[];
  isModifiedAfter: boolean;
  problems: SignatureProblem[];
  isValid: boolean;
};

export type VerificationResult = {
  isValid: boolean;
  sha256: string;
  revisionCount: number;
  signatures: SignatureCheck[];
  /** The hash-chained audit trail attached by the seal, when present. */
  auditTrail: AuditTrailCheck;
  /** JavaScript, launch / submit / import actions, media, XFA, embedded files not made by Luodi (pdf-content-scan.ts). */
  activeContent: ContentFinding[];
  /** Problems of the file as a whole (unreadable, no signatures, broken audit trail). */
  problems: string[];
};

export type AuditTrailCheck = {
  isPresent: boolean;
  isValid: boolean;
  count: number;
  lastHash?: string;
  brokenAt?: number;
};

export type VerifyOptions = {
  trustedCa: pkijs.Certificate;
  /** CN of the platform's seal certificate: when set, only its final signature may cover appended pages. */
  sealerName?: string;
};

type RawSignature = {
  fieldName: string;
  byteRange: number[];
  contents: Uint8Array;
  reason?: string;
  location?: string;
  subFilter?: string;
  claimedTime?: Date;
};

function parsePdfDate(text: string | undefined): Date | undefined {
  const match = /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(text ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

function readSignatureDict(fieldName: string, dict: PdfDict): RawSignature | undefined {
  const range = dict.getArray('ByteRange');
  const contents = dict.getString('Contents');
  if (!range || !contents) return undefined;
  const byteRange = range.toArray().map((item) => (item.type === 'number' ? item.value : Number.NaN));
  return {
    fieldName,
    byteRange,
    contents: contents.bytes,
    reason: dict.getString('Reason')?.asString(),
    location: dict.getString('Location')?.asString(),
    subFilter: dict.getName('SubFilter')?.value,
    claimedTime: parsePdfDate(dict.getString('M')?.asString()),
  };
}

type SignatureFieldLike = { name: string; isSigned(): boolean; getSignatureDict(): PdfDict | null };
// @libpdf/core exports SignatureField only as a type, so narrow by its `type` tag.
export function isSignatureField(field: { type: string }): field is SignatureFieldLike & { type: string } {
  return field.type === 'signature';
}

function findSignatures(pdf: PDF): RawSignature[] {
  const found: RawSignature[] = [];
  for (const field of pdf.getForm()?.getFields() ?? []) {
    if (!isSignatureField(field) || !field.isSigned()) continue;
    const dict = field.getSignatureDict();
    const raw = dict ? readSignatureDict(field.name, dict) : undefined;
    if (raw) found.push(raw);
  }
  // Order by position in the file, i.e. signing order.
  return found.sort((a, b) => (a.byteRange[2] ?? 0) - (b.byteRange[2] ?? 0));
}

function isWellFormedRange(bytes: Uint8Array, range: number[]): boolean {
  const [start, firstLength, second, secondLength] = range;
  if (range.length !== 4 || range.some((value) => !Number.isInteger(value) || value < 0)) return false;
  if (start !== 0 || firstLength === undefined || second === undefined || secondLength === undefined)
    return false;
  if (second <= firstLength || second + secondLength > bytes.length) return false;
  // The gap must be exactly the /Contents hex string.
  return bytes[firstLength] === 0x3c && bytes[second - 1] === 0x3e;
}

function signedBytes(bytes: Uint8Array, range: number[]): Uint8Array {
  const [, firstLength = 0, second = 0, secondLength = 0] = range;
  const data = new Uint8Array(firstLength + secondLength);
  data.set(bytes.subarray(0, firstLength), 0);
  data.set(bytes.subarray(second, second + secondLength), firstLength);
  return data;
}

async function isChainedTo(
  signer: pkijs.Certificate,
  others: pkijs.Certificate[],
  ca: pkijs.Certificate,
  at: Date,
) {
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: [ca],
    // Embedded self-signed certificates are ignored: only the given CA is trusted.
    certs: [signer, ...others.filter((cert) => !cert.subject.isEqual(cert.issuer))],
    checkDate: at,
  });
  const result = await engine.verify();
  return result.result;
}

type CmsCheck = {
  timestamp: TimestampCheck | undefined;
  signerName: string;
  signerOrganization: string | undefined;
  hasTimestamp: boolean;
  isIntact: boolean;
  isTrusted: boolean;
  signingTime: Date | undefined;
  problems: SignatureProblem[];
};

async function checkSignature(
  bytes: Uint8Array,
  raw: RawSignature,
  trustedCa: pkijs.Certificate,
): Promise<CmsCheck> {
  const failed = (problem: SignatureProblem): CmsCheck => ({
    signerName: '',
    signerOrganization: undefined,
    hasTimestamp: false,
    timestamp: undefined,
    isIntact: false,
    isTrusted: false,
    signingTime: raw.claimedTime,
    problems: [problem],
  });
  if (!isWellFormedRange(bytes, raw.byteRange)) return failed('byte-range-malformed');
  const signedData = parseSignedData(raw.contents);
  const signerInfo = signedData?.signerInfos[0];
  if (!signedData || !signerInfo) return failed('cms-unreadable');
  const certificates = certificatesOf(signedData);
  const signer = findSigner(signedData, signerInfo);
  if (!signer) return failed('cms-unreadable');

  const problems: SignatureProblem[] = [];
  const { isDigestOk, isSignatureOk } = verifySignerInfo(
    signedBytes(bytes, raw.byteRange),
    signerInfo,
    signer,
  );
  if (!isDigestOk) problems.push('digest-mismatch');
  if (!isSignatureOk) problems.push('signature-invalid');
  const timeValue = attributeValue(signerInfo, OID.signingTime);
  const signingTime = hasToDate(timeValue) ? timeValue.toDate() : raw.claimedTime;
  const isTrusted = await isChainedTo(signer, certificates, trustedCa, signingTime ?? new Date()).catch(
    () => false,
  );
  if (!isTrusted) problems.push('untrusted-certificate');
  const timestamp = checkTimestampToken(signerInfo);
  if (timestamp && !timestamp.isValid) problems.push('timestamp-invalid');
  return {
    timestamp,
    signerName: subjectAttribute(signer) ?? '',
    signerOrganization: subjectAttribute(signer, SUBJECT_OIDS.organization),
    hasTimestamp: timestamp !== undefined,
    isIntact: isDigestOk && isSignatureOk,
    isTrusted,
    signingTime,
    problems,
  };
}

/** Checks every signature of a PDF offline: CMS over its byte range, chain to the CA, later changes. */
export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions): Promise<VerificationResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const revisions = await loadRevisions(bytes);
  const unreadable = (message: string): VerificationResult => ({
    isValid: false,
    sha256,
    revisionCount: revisions.length,
    signatures: [],
    auditTrail: { isPresent: false, isValid: false, count: 0 },
    activeContent: [],
    problems: [`unreadable PDF: ${message}`],
  });
  let found: RawSignature[];
  let auditTrail: AuditTrailCheck;
  try {
    const pdf = await PDF.load(bytes);
    found = findSignatures(pdf);
    auditTrail = checkAuditTrail(pdf.getAttachment(AUDIT_ATTACHMENT));
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
  const checked: CheckedSignature[] = [];
  const cache = new Map<number, RevisionChange>();
  for (const raw of found) {
    const check = await checkSignature(bytes, raw, options.trustedCa);
    const [, , second = 0, secondLength = 0] = raw.byteRange;
    const coveredEnd = second + secondLength;
    const view = revisions.find((item) => item.end === coveredEnd);
    const isMalformed = check.problems.includes('byte-range-malformed');
    checked.push({
      // What the signer signed, not what a later update may have put in the signature dictionary.
      raw: signedVersion(view, raw),
      check,
      revision: view?.index,
      laterRevisions: isMalformed ? [] : changesAfter(revisions, bytes, coveredEnd, cache),
    });
  }
  // The first signature's DocMDP permission (certification) binds every later revision.
  const permission = docMdpPermission(revisions.find((item) => item.index === checked[0]?.revision));
  // Appended pages are accepted only as a seal's completion pages: right before the file's final
  // signature, which must hold. Pages added earlier, or under no signature, count as changes.
  const isSealedAnnex = (revisionIndex: number) =>
    revisionIndex + 1 === revisions.length &&
    checked.some(
      (item) =>
        item.revision === revisions.length &&
        item.check.isIntact &&
        item.check.isTrusted &&
        (options.sealerName === undefined || item.check.signerName === options.sealerName),
    );
  const signatures: SignatureCheck[] = checked.map(({ raw, check, revision, laterRevisions }) => {
    const modifications = disallowedChanges(laterRevisions, permission, isSealedAnnex);
    const isModifiedAfter = modifications.length > 0;
    const problems = [...check.problems, ...(isModifiedAfter ? ['modified-after-signing' as const] : [])];
    return {
      fieldName: raw.fieldName,
      signerName: check.signerName,
      signerOrganization: check.signerOrganization,
      signingTime: check.signingTime,
      reason: raw.reason,
      location: raw.location,
      subFilter: raw.subFilter,
      byteRange: raw.byteRange,
      isIntact: check.isIntact,
      isTrusted: check.isTrusted,
      hasTimestamp: check.hasTimestamp,
      timestamp: check.timestamp,
      revision,
      laterRevisions,
      modifications,
      isModifiedAfter,
      problems,
      isValid: problems.length === 0,
    };
  });
  const problems = [
    ...(signatures.length === 0 ? ['no signatures'] : []),
    ...(auditTrail.isPresent && !auditTrail.isValid
      ? [`audit trail broken at entry ${auditTrail.brokenAt ?? '?'}`]
      : []),
  ];
  const hasSealedAnnex = checked.some(({ laterRevisions }) =>
    laterRevisions.some((later) => later.isAppendOnly && isSealedAnnex(later.revision)),
  );
  const activeContent = activeContentOf(revisions, bytes, hasSealedAnnex);
  const isValid =
    problems.length === 0 && activeContent.length === 0 && signatures.every((signature) => signature.isValid);
  return {
    isValid,
    sha256,
    revisionCount: revisions.length,
    signatures,
    auditTrail,
    activeContent,
    problems,
  };
}

// The signature dictionary as it stood in the revision the signature closes.
function signedVersion(view: RevisionView | undefined, raw: RawSignature): RawSignature {
  const signed = view?.pdf
    ? findSignatures(view.pdf).find((item) => item.fieldName === raw.fieldName)
    : undefined;
  return signed ? { ...signed, byteRange: raw.byteRange, contents: raw.contents } : raw;
}

type CheckedSignature = {
  raw: RawSignature;
  check: CmsCheck;
  revision: number | undefined;
  laterRevisions: RevisionChange[];
};

function checkAuditTrail(attachment: Uint8Array | null): AuditTrailCheck {
  if (!attachment) return { isPresent: false, isValid: false, count: 0 };
  let entries: unknown;
  try {
    entries = JSON.parse(new TextDecoder().decode(attachment));
  } catch {
    return { isPresent: true, isValid: false, count: 0, brokenAt: 0 };
  }
  if (!Array.isArray(entries)) return { isPresent: true, isValid: false, count: 0, brokenAt: 0 };
  const result = verifyChain(entries as ChainedAuditEntry[]);
  return result.isValid
    ? { isPresent: true, isValid: true, count: result.count, lastHash: result.lastHash }
    : { isPresent: true, isValid: false, count: entries.length, brokenAt: result.brokenAt };
}
