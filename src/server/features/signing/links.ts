import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect.ts';
import { agreementSigners, type agreements } from '../../db/schema.ts';
import type { SigningContext } from './context.ts';
import { linkMessage } from './messages.ts';
import { hashLinkToken, maskContact, newLinkToken } from './tokens.ts';

type AgreementRow = typeof agreements.$inferSelect;
type SignerRow = typeof agreementSigners.$inferSelect;
export type Invitation = { signer: SignerRow; token: string };

/** Whether every signer before this one has signed (always true when the order is parallel). */
export function isTurnOf(signer: SignerRow, all: SignerRow[], order: AgreementRow['signingOrder']): boolean {
  if (signer.status !== 'pending') return false;
  if (order === 'parallel') return true;
  return all.every((other) => other.position >= signer.position || other.status === 'signed');
}

export async function signersOf(db: DbOrTx, agreementId: string): Promise<SignerRow[]> {
  return db
    .select()
    .from(agreementSigners)
    .where(eq(agreementSigners.agreementId, agreementId))
    .orderBy(asc(agreementSigners.position));
}

/** Gives a fresh link to one signer; any earlier link of theirs stops working. */
export async function issueLink(db: DbOrTx, signer: SignerRow): Promise<Invitation> {
  const token = newLinkToken();
  const [updated] = await db
    .update(agreementSigners)
    .set({
      linkTokenHash: hashLinkToken(token),
      linkSentAt: new Date(),
      codeHash: null,
      codeExpiresAt: null,
      codeAttempts: 0,
      codeVerifiedAt: null,
      // A new link starts with a fresh budget: this is how an officer unlocks a link that was guessed at.
      codeFailures: 0,
      codeFailuresSince: null,
      codesSent: 0,
      codesSince: null,
      linkLockedAt: null,
    })
    .where(eq(agreementSigners.id, signer.id))
    .returning();
  return { signer: updated ?? signer, token };
}

/** Links for the signers whose turn it now is and who have none yet (all of them when signing in parallel). */
export async function issueLinksForTurn(db: DbOrTx, agreement: AgreementRow): Promise<Invitation[]> {
  const all = await signersOf(db, agreement.id);
  const due = all.filter((signer) => !signer.linkTokenHash && isTurnOf(signer, all, agreement.signingOrder));
  const invitations: Invitation[] = [];
  for (const signer of due) invitations.push(await issueLink(db, signer));
  return invitations;
}

export const signingUrl = (context: SigningContext, token: string) => `${context.publicUrl}/sign/${token}`;

/**
 * Sends the links after the transaction that issued them has committed. A failed delivery is reported and
 * left to the officer (who can re-issue the link or pass it on by hand); it does not undo the signing step.
 */
export async function deliverLinks(
  context: SigningContext,
  agreement: Pick<AgreementRow, 'titleZh' | 'titleEn'>,
  invitations: Invitation[],
): Promise<Map<string, string | null>> {
  const sentTo = new Map<string, string | null>();
  for (const { signer, token } of invitations) {
    try {
      const delivery = await context.notifier.send(
        linkMessage(
          { name: signer.name, email: signer.email, mobile: signer.mobile },
          agreement,
          signingUrl(context, token),
        ),
      );
      sentTo.set(signer.id, delivery.channel === 'email' ? maskContact(signer.email, null) : null);
    } catch (error) {
      context.log(
        `signing link for ${signer.name} (${signer.id}) not delivered: ${(error as Error).message}`,
      );
      sentTo.set(signer.id, null);
    }
  }
  return sentTo;
}

/** The signer a link belongs to, with the agreement; null when the link is unknown or was replaced. */
export async function signerForToken(db: DbOrTx, token: string) {
  const [signer] = await db
    .select()
    .from(agreementSigners)
    .where(and(eq(agreementSigners.linkTokenHash, hashLinkToken(token))));
  return signer ?? null;
}
