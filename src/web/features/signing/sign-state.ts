import dayjs from 'dayjs';
import type { SigningView, SignResult } from '../../../contracts/signing.ts';
import type { AgreementStatus } from '../../../domain/events.ts';

/** What the signing page shows below the document for one signer's link. */
export type SignStep =
  /** This signer has signed (now or earlier): the done state. */
  | { kind: 'signed'; signedAt: string | null; isAllSigned: boolean }
  /** This signer declined. */
  | { kind: 'declinedBySelf' }
  /** The agreement is no longer (or not yet) out for signing. */
  | { kind: 'closed'; status: Exclude<AgreementStatus, 'signing'> }
  /** Sequential signing: others must sign first. */
  | { kind: 'waiting'; names: string[] }
  /** Out for signing but the server says not now, for a reason it did not name. */
  | { kind: 'unavailable' }
  /** Step 1: prove the link holder reads the signer's mailbox. */
  | { kind: 'code' }
  /** Steps 2 and 3: signature, consent, submit. */
  | { kind: 'sign' };

/** The step for a signer's view; `result` is the answer of a sign request made on this page, if any. */
export function signStep(view: SigningView, result?: SignResult | null): SignStep {
  const { agreement, signer } = view;
  if (result || signer.status === 'signed') {
    return {
      kind: 'signed',
      signedAt: result?.signedAt ?? signer.signedAt,
      isAllSigned: result?.isAllSigned ?? agreement.status === 'completed',
    };
  }
  if (signer.status === 'declined') return { kind: 'declinedBySelf' };
  if (agreement.status !== 'signing') return { kind: 'closed', status: agreement.status };
  if (view.waitingFor.length > 0) return { kind: 'waiting', names: view.waitingFor };
  if (!view.canSign) return { kind: 'unavailable' };
  return view.code.isVerified ? { kind: 'sign' } : { kind: 'code' };
}

/** Whole seconds until `iso` (0 once passed or when unknown): drives the resend countdown. */
export function secondsUntil(iso: string | null | undefined, now: number): number {
  if (!iso) return 0;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Whether the decline action is offered: only while the signer could still sign. */
export function canDecline(step: SignStep): boolean {
  return step.kind === 'code' || step.kind === 'sign' || step.kind === 'waiting';
}

/** An instant in the reader's own clock with its UTC offset, so a signer abroad and a bureau in China agree. */
export function formatInstant(iso: string): string {
  const instant = dayjs(iso);
  return instant.isValid() ? instant.format('YYYY-MM-DD HH:mm:ss [(UTC]Z[)]') : iso;
}
