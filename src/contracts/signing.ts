import { z } from 'zod';
import { AGREEMENT_STATUSES, DOCUMENT_KINDS, SIGNER_STATUSES, SIGNING_ORDERS } from '../domain/events.ts';

/** The secret of a signing link (/sign/<token>). */
export const SigningTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/) });
export const SignerParams = z.object({ id: z.uuid(), signerId: z.uuid() });

/** Largest drawn signature accepted (base64 of a PNG). */
export const MAX_SIGNATURE_PNG_BASE64 = 400_000;

/** What the signer put down: a drawing (PNG, base64 without the data: prefix) or their typed name. */
export const SignatureInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('drawn'),
    png: z
      .string()
      .max(MAX_SIGNATURE_PNG_BASE64)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
  }),
  z.object({ kind: z.literal('typed'), text: z.string().trim().min(1).max(40) }),
]);
export type SignatureInput = z.infer<typeof SignatureInput>;

export const SignBody = z.object({ signature: SignatureInput });
export const VerifyCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export const DeclineBody = z.object({ reason: z.string().trim().min(2).max(1000) });

/** What a signer sees through their link: the agreement, where signing stands, and their own state. */
export const SigningView = z.object({
  agreement: z.object({
    id: z.uuid(),
    titleZh: z.string(),
    titleEn: z.string().nullable(),
    typeCode: z.string(),
    amount: z.object({ yuan: z.number().int(), displayZh: z.string(), displayEn: z.string() }).nullable(),
    status: z.enum(AGREEMENT_STATUSES),
    signingOrder: z.enum(SIGNING_ORDERS),
    expiresOn: z.string().nullable(),
    event: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
    documentRevision: z.number().int(),
    documentSha256: z.string().nullable(),
    parties: z.array(
      z.object({
        nameZh: z.string(),
        nameEn: z.string().nullable(),
        signers: z.array(
          z.object({ name: z.string(), title: z.string().nullable(), status: z.enum(SIGNER_STATUSES) }),
        ),
      }),
    ),
  }),
  signer: z.object({
    id: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    organization: z.object({ nameZh: z.string(), nameEn: z.string().nullable() }),
    status: z.enum(SIGNER_STATUSES),
    signedAt: z.string().nullable(),
    /** Where codes are sent, partly hidden. */
    contact: z.string().nullable(),
  }),
  /** True when it is this signer's turn and the agreement is out for signing. */
  canSign: z.boolean(),
  /** Signers who must sign first (sequential order). */
  waitingFor: z.array(z.string()),
  code: z.object({
    isVerified: z.boolean(),
    sentAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    canResendAt: z.string().nullable(),
    /** Too many wrong codes: this link takes no code until the organizer re-issues it. */
    isLocked: z.boolean(),
  }),
});
export type SigningView = z.infer<typeof SigningView>;

export const CodeSent = z.object({ sentTo: z.string(), expiresAt: z.string(), canResendAt: z.string() });

export const SignResult = z.object({
  signerStatus: z.enum(SIGNER_STATUSES),
  agreementStatus: z.enum(AGREEMENT_STATUSES),
  /** True when this request put the signature down; false when it had already been (a repeated click). */
  isNew: z.boolean(),
  /** The signing time written into the signature. */
  signedAt: z.string(),
  /** When the signature was stored (committed); live screens measure their delay from here. */
  recordedAt: z.string(),
  documentRevision: z.number().int(),
  /** True when this was the last signature and the agreement is now signed by all. */
  isAllSigned: z.boolean(),
});
export type SignResult = z.infer<typeof SignResult>;

/** A link re-issued by the officer: shown once, to pass on by hand when there is no e-mail. */
export const IssuedLink = z.object({ signerId: z.uuid(), url: z.string(), sentTo: z.string().nullable() });

export const AuditTrail = z.object({
  entries: z.array(
    z.object({
      sequence: z.number().int(),
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      details: z.record(z.string(), z.unknown()).nullable(),
      previousHash: z.string(),
      hash: z.string(),
    }),
  ),
  isValid: z.boolean(),
});

/** The public verify page's answer for an uploaded PDF. */
export const VerifyReport = z.object({
  sha256: z.string(),
  isValid: z.boolean(),
  signatures: z.array(
    z.object({
      index: z.number().int(),
      signerName: z.string(),
      organization: z.string().nullable(),
      signedAt: z.string().nullable(),
      isValid: z.boolean(),
      isCryptographicallyValid: z.boolean(),
      isChainTrusted: z.boolean(),
      coversWholeFileAtItsRevision: z.boolean(),
      isSeal: z.boolean(),
      hasTimestamp: z.boolean(),
      problems: z.array(z.string()),
      /** Changes after this signature that it does not allow, each naming the object, in the requested language. */
      modifications: z.array(z.string()),
    }),
  ),
  /** JavaScript, launch / submit / import actions, media, embedded files not made by Luodi, in words. */
  activeContent: z.array(z.string()),
  auditChain: z.object({ isPresent: z.boolean(), isValid: z.boolean(), count: z.number().int() }),
  /** Plain-language verdict lines, in the requested language. */
  verdict: z.array(z.string()),
  /** What this deployment knows about a file with this hash. */
  lookup: z.object({
    isKnown: z.boolean(),
    kind: z.enum(DOCUMENT_KINDS).nullable(),
    revision: z.number().int().nullable(),
    latestRevision: z.number().int().nullable(),
    agreement: z
      .object({
        titleZh: z.string(),
        titleEn: z.string().nullable(),
        status: z.enum(AGREEMENT_STATUSES),
        signedAt: z.string().nullable(),
        sealedAt: z.string().nullable(),
      })
      .nullable(),
  }),
});
export type VerifyReport = z.infer<typeof VerifyReport>;
