import { CryptoKeySigner, PDF, type TimestampAuthority } from '@libpdf/core';

export type SignPdfOptions = {
  /** The party's private key (ECDSA P-256 from `issuePartyCertificate`). */
  key: CryptoKey;
  /** The party's certificate, DER. */
  certificate: Uint8Array;
  /** Issuer certificates up to the deployment CA, DER. */
  chain: Uint8Array[];
  reason: string;
  location: string;
  /** Shown as the signature field's name in PDF readers. */
  signerName: string;
  signedAt?: Date;
  /** When set the signature gets an RFC 3161 timestamp (PAdES B-T); a failing TSA makes signing throw. */
  timestampAuthority?: TimestampAuthority;
};

// Room for the CMS: certificates (~0.5 KB each for P-256), signed attributes and an optional timestamp token.
const SIGNATURE_SPACE = 12_288;

function uniqueFieldName(existing: Set<string>, signerName: string): string {
  // Field names are dotted paths in PDF, so a dot in a company name would split it.
  const base = signerName.replace(/\./g, '·').trim() || 'Signature';
  let name = base;
  for (let index = 2; existing.has(name); index += 1) name = `${base} (${index})`;
  return name;
}

/** Appends one PAdES (ETSI.CAdES.detached) signature to the PDF as an incremental update. */
export async function signPdf(pdfBytes: Uint8Array, options: SignPdfOptions): Promise<Uint8Array> {
  const pdf = await PDF.load(pdfBytes);
  const fields = pdf.getForm()?.getFields() ?? [];
  const fieldName = uniqueFieldName(new Set(fields.map((field) => field.name)), options.signerName);
  const signer = new CryptoKeySigner(options.key, options.certificate, 'EC', 'ECDSA', options.chain);
  const result = await pdf.sign({
    signer,
    reason: options.reason,
    location: options.location,
    signingTime: options.signedAt,
    fieldName,
    subFilter: 'ETSI.CAdES.detached',
    level: options.timestampAuthority ? 'B-T' : 'B-B',
    timestampAuthority: options.timestampAuthority,
    estimatedSize: SIGNATURE_SPACE,
  });
  const blocking = result.warnings.find((warning) => warning.code === 'MDP_VIOLATION');
  if (blocking) throw new Error(`Cannot sign: ${blocking.message}`);
  return result.bytes;
}
