import { describe, expect, it } from 'vitest';
import type { SigningView, SignResult } from '../../../contracts/signing.ts';
import { canDecline, type SignStep, secondsUntil, signStep } from './sign-state.ts';

type Changes = {
  agreement?: Partial<SigningView['agreement']>;
  signer?: Partial<SigningView['signer']>;
  code?: Partial<SigningView['code']>;
} & Partial<Pick<SigningView, 'canSign' | 'waitingFor'>>;

/** A signer whose turn it is on an agreement out for signing, with no code asked for yet. */
function view(changes: Changes = {}): SigningView {
  return {
    agreement: {
      id: '00000000-0000-4000-8000-000000000001',
      titleZh: '智能制造产业园投资协议',
      titleEn: 'Smart manufacturing park investment agreement',
      typeCode: 'investment_contract',
      amount: { yuan: 500_000_000, displayZh: '5亿元', displayEn: 'RMB 500 million' },
      status: 'signing',
      signingOrder: 'sequential',
      expiresOn: '2030-12-31',
      event: null,
      documentRevision: 2,
      documentSha256: 'ab'.repeat(32),
      parties: [],
      ...changes.agreement,
    },
    signer: {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'Wang Lei',
      title: null,
      organization: { nameZh: '某某科技有限公司', nameEn: 'Example Tech Ltd.' },
      status: 'pending',
      signedAt: null,
      contact: 'w***@example.com',
      ...changes.signer,
    },
    canSign: changes.canSign ?? true,
    waitingFor: changes.waitingFor ?? [],
    code: {
      isVerified: false,
      sentAt: null,
      expiresAt: null,
      canResendAt: null,
      isLocked: false,
      ...changes.code,
    },
  };
}

const SIGNED_AT = '2030-05-18T02:30:00.000Z';

describe('signStep', () => {
  it.each<[string, SigningView, SignStep]>([
    ['my turn, no code yet → code', view(), { kind: 'code' }],
    ['code sent but not verified → code', view({ code: { sentAt: SIGNED_AT } }), { kind: 'code' }],
    ['code verified → sign', view({ code: { isVerified: true } }), { kind: 'sign' }],
    [
      'others first in sequence → waiting, naming them',
      view({ canSign: false, waitingFor: ['Li Na', 'Zhang Wei'] }),
      { kind: 'waiting', names: ['Li Na', 'Zhang Wei'] },
    ],
    ['out for signing but not allowed → unavailable', view({ canSign: false }), { kind: 'unavailable' }],
    [
      'signed earlier, others pending → signed',
      view({ signer: { status: 'signed', signedAt: SIGNED_AT }, canSign: false }),
      { kind: 'signed', signedAt: SIGNED_AT, isAllSigned: false },
    ],
    [
      'signed and the agreement completed → signed by all',
      view({
        agreement: { status: 'completed' },
        signer: { status: 'signed', signedAt: SIGNED_AT },
        canSign: false,
      }),
      { kind: 'signed', signedAt: SIGNED_AT, isAllSigned: true },
    ],
    [
      'I declined → declinedBySelf',
      view({ signer: { status: 'declined' }, agreement: { status: 'declined' } }),
      { kind: 'declinedBySelf' },
    ],
    [
      'another party declined → closed',
      view({ agreement: { status: 'declined' }, canSign: false }),
      { kind: 'closed', status: 'declined' },
    ],
    [
      'voided → closed',
      view({ agreement: { status: 'voided' }, canSign: false }),
      { kind: 'closed', status: 'voided' },
    ],
    [
      'expired → closed',
      view({ agreement: { status: 'expired' }, canSign: false }),
      { kind: 'closed', status: 'expired' },
    ],
    [
      'completed without me (officer signed on site for me) → signed wins',
      view({ agreement: { status: 'completed' }, signer: { status: 'signed', signedAt: null } }),
      { kind: 'signed', signedAt: null, isAllSigned: true },
    ],
    [
      'a stale verified code on a voided agreement → closed, not sign',
      view({ agreement: { status: 'voided' }, code: { isVerified: true } }),
      { kind: 'closed', status: 'voided' },
    ],
  ])('%s', (_, input, expected) => {
    expect(signStep(input)).toEqual(expected);
  });

  it('prefers the answer of a sign request made on the page over a view not yet reloaded', () => {
    const result: SignResult = {
      signerStatus: 'signed',
      agreementStatus: 'completed',
      isNew: true,
      signedAt: SIGNED_AT,
      recordedAt: SIGNED_AT,
      documentRevision: 3,
      isAllSigned: true,
    };
    expect(signStep(view({ code: { isVerified: true } }), result)).toEqual({
      kind: 'signed',
      signedAt: SIGNED_AT,
      isAllSigned: true,
    });
  });
});

describe('canDecline', () => {
  it.each<[SignStep, boolean]>([
    [{ kind: 'code' }, true],
    [{ kind: 'sign' }, true],
    [{ kind: 'waiting', names: ['Li Na'] }, true],
    [{ kind: 'signed', signedAt: null, isAllSigned: false }, false],
    [{ kind: 'closed', status: 'voided' }, false],
    [{ kind: 'declinedBySelf' }, false],
  ])('%j → %s', (step, expected) => {
    expect(canDecline(step)).toBe(expected);
  });
});

describe('secondsUntil', () => {
  const now = Date.parse('2030-05-18T02:30:00.000Z');
  it.each<[string | null, number]>([
    [null, 0],
    ['2030-05-18T02:30:59.200Z', 60],
    ['2030-05-18T02:30:00.001Z', 1],
    ['2030-05-18T02:29:00.000Z', 0],
    ['not a date', 0],
  ])('%s → %i s', (iso, expected) => {
    expect(secondsUntil(iso, now)).toBe(expected);
  });
});
