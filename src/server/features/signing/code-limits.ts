import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/connect.ts';
import { agreementSigners } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';

/** Wrong tries on one code before it is used up. */
export const CODE_MAX_ATTEMPTS = 5;
/** Wrong codes one link may take within a day; the one that reaches it locks the link until it is re-issued. */
export const LINK_MAX_FAILURES = 10;
export const LINK_FAILURE_WINDOW_HOURS = 24;
/** Codes one link may ask for within an hour (each one a message to the signer). */
export const LINK_MAX_CODES_PER_HOUR = 5;

type SignerRow = typeof agreementSigners.$inferSelect;

const timestamp = (at: Date) => sql`${at.toISOString()}::timestamptz`;
const hoursBefore = (now: Date, hours: number) => timestamp(new Date(now.getTime() - hours * 3_600_000));

/** A counter over a window that starts at its first count: restarted once the window has passed. */
function windowed(count: AnyPgColumn, since: AnyPgColumn, now: Date, hours: number) {
  const isOver = sql`(${since} is null or ${since} <= ${hoursBefore(now, hours)})`;
  return {
    isOver,
    next: sql<number>`case when ${isOver} then 1 else ${count} + 1 end`,
    since: sql<Date>`case when ${isOver} then ${timestamp(now)} else ${since} end`,
  };
}

export const linkLocked = () =>
  new AppError(
    'signing.link_locked',
    423,
    `验证码错误次数过多（${LINK_FAILURE_WINDOW_HOURS} 小时内 ${LINK_MAX_FAILURES} 次），此链接已锁定；请联系协议发起方重新发送签署链接`,
    `Too many wrong codes (${LINK_MAX_FAILURES} within ${LINK_FAILURE_WINDOW_HOURS} hours): this link is locked; ask the agreement’s organizer to send a new one`,
  );

/**
 * Counts one code comparison before it is made, in one statement, so parallel guesses cannot outrun either
 * limit: the code's own tries and the link's wrong codes over the day (reserved as wrong, given back when right).
 * The try that reaches the link's limit locks it. Null when no comparison may be made (see `explainNoTry`).
 */
export async function reserveCodeTry(db: DbOrTx, signerId: string, now: Date): Promise<SignerRow | null> {
  const failures = windowed(
    agreementSigners.codeFailures,
    agreementSigners.codeFailuresSince,
    now,
    LINK_FAILURE_WINDOW_HOURS,
  );
  const [reserved] = await db
    .update(agreementSigners)
    .set({
      codeAttempts: sql`${agreementSigners.codeAttempts} + 1`,
      codeFailures: failures.next,
      codeFailuresSince: failures.since,
      linkLockedAt: sql`case when ${failures.next} >= ${LINK_MAX_FAILURES} then ${timestamp(now)} else null end`,
    })
    .where(
      and(
        eq(agreementSigners.id, signerId),
        eq(agreementSigners.status, 'pending'),
        sql`${agreementSigners.linkLockedAt} is null`,
        sql`${agreementSigners.codeHash} is not null`,
        sql`${agreementSigners.codeExpiresAt} > ${timestamp(now)}`,
        sql`${agreementSigners.codeAttempts} < ${CODE_MAX_ATTEMPTS}`,
      ),
    )
    .returning();
  return reserved ?? null;
}

/** Counts one code sent through the link; false when the link has had its codes for this hour. */
export async function reserveCodeSend(db: DbOrTx, signerId: string, now: Date): Promise<boolean> {
  const sent = windowed(agreementSigners.codesSent, agreementSigners.codesSince, now, 1);
  const [row] = await db
    .update(agreementSigners)
    .set({ codesSent: sent.next, codesSince: sent.since })
    .where(
      and(
        eq(agreementSigners.id, signerId),
        sql`(${sent.isOver} or ${agreementSigners.codesSent} < ${LINK_MAX_CODES_PER_HOUR})`,
      ),
    )
    .returning({ id: agreementSigners.id });
  return row !== undefined;
}

/** When a code may be sent again: an hour after the window of the codes already sent began. */
export function codesAgainAt(signer: Pick<SignerRow, 'codesSince'>): Date {
  return new Date((signer.codesSince?.getTime() ?? 0) + 3_600_000);
}
