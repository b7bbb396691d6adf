import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A signing link's secret: 32 random bytes, URL-safe. Only its hash is stored. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(`luodi-link:${token}`).digest('hex');
}

/** A six-digit one-time code, uniformly random. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes are hashed with the signer's id, so a leaked table row does not reveal a code usable elsewhere. */
export function hashCode(signerId: string, code: string): string {
  return createHash('sha256').update(`luodi-code:${signerId}:${code}`).digest('hex');
}

export function isSameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** l***@example.com, 138****5678: enough for the signer to recognize, not enough to harvest. */
export function maskContact(email: string | null, mobile: string | null): string | null {
  if (email) {
    const [local = '', domain = ''] = email.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  if (mobile) {
    const digits = mobile.replace(/[^0-9+]/g, '');
    return digits.length > 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
  }
  return null;
}
