// Where signing stands, worked out from an AgreementView alone: no I/O, so pages and tests share it.
import type { AgreementStatus } from '../../../domain/events.ts';
import type { Agreement } from './api.ts';

export type Party = Agreement['parties'][number];
export type Signer = Party['signers'][number];
export interface SignerRow extends Signer {
  party: Pick<Party, 'organizationId' | 'nameZh' | 'nameEn'>;
}

/** What a signer's line shows: done, refused, may sign now, waits for others, or nothing is out for signing. */
export type SignerState = 'signed' | 'declined' | 'turn' | 'waiting' | 'idle';

/** Every signer of every party, in signing order (the server's positions run across parties). */
export function signersInOrder(agreement: Pick<Agreement, 'parties'>): SignerRow[] {
  return agreement.parties
    .flatMap((party) =>
      party.signers.map((signer) => ({
        ...signer,
        party: { organizationId: party.organizationId, nameZh: party.nameZh, nameEn: party.nameEn },
      })),
    )
    .sort((a, b) => a.position - b.position);
}

/** "2/3": signers who have signed out of all signers; "—" for an agreement signed on paper, before Luodi. */
export function signedCount(agreement: Pick<Agreement, 'parties'>): {
  signed: number;
  total: number;
  text: string;
} {
  const all = agreement.parties.flatMap((party) => party.signers);
  const signed = all.filter((signer) => signer.status === 'signed').length;
  return { signed, total: all.length, text: all.length ? `${signed}/${all.length}` : '—' };
}

export function signerState(status: AgreementStatus, signer: Pick<Signer, 'status' | 'isTurn'>): SignerState {
  if (signer.status === 'signed') return 'signed';
  if (signer.status === 'declined') return 'declined';
  if (status !== 'signing') return 'idle';
  return signer.isTurn ? 'turn' : 'waiting';
}

/** The signers who may sign right now (one with sequential order, any pending with parallel). */
export function whoseTurn(agreement: Pick<Agreement, 'parties' | 'status'>): SignerRow[] {
  return signersInOrder(agreement).filter((signer) => signerState(agreement.status, signer) === 'turn');
}

/** A link is worth re-issuing only to a signer who can use it now. */
export const canReissueLink = (
  agreement: Pick<Agreement, 'status'>,
  signer: Pick<Signer, 'status' | 'isTurn'>,
) => signerState(agreement.status, signer) === 'turn';

export const canEdit = (agreement: Pick<Agreement, 'status'>) => agreement.status === 'draft';
export const canSend = canEdit;
/** A completed agreement can be voided too (set aside by the parties); its projects are then flagged. */
export const canVoid = (agreement: Pick<Agreement, 'status'>) =>
  agreement.status === 'draft' || agreement.status === 'signing' || agreement.status === 'completed';

/** The first characters of a SHA-256, enough to compare by eye. */
export const hashPrefix = (hash: string | null, length = 12): string => (hash ? hash.slice(0, length) : '');
