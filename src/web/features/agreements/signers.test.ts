import { describe, expect, it } from 'vitest';
import type { AgreementStatus } from '../../../domain/events.ts';
import type { Agreement } from './api.ts';
import { formPath, initialValues, toPatch, type Values } from './form-values.ts';
import {
  canReissueLink,
  canVoid,
  hashPrefix,
  type Signer,
  signedCount,
  signerState,
  signersInOrder,
  whoseTurn,
} from './signers.ts';

const ORG_A = '0190a0a0-0000-7000-8000-00000000000a';
const ORG_B = '0190a0a0-0000-7000-8000-00000000000b';

function signer(position: number, status: Signer['status'], isTurn: boolean): Signer {
  return {
    id: `0190a0a0-0000-7000-8000-${String(position).padStart(12, '0')}`,
    position,
    name: `Signer ${position}`,
    title: null,
    status,
    signedAt: status === 'signed' ? '2026-05-18T03:00:00.000Z' : null,
    signedVia: status === 'signed' ? 'onsite' : null,
    declinedReason: status === 'declined' ? 'terms' : null,
    contact: null,
    linkSentAt: null,
    isTurn,
  };
}

function agreement(status: AgreementStatus, a: Signer[], b: Signer[]): Agreement {
  return {
    id: '0190a0a0-0000-7000-8000-0000000000d1',
    event: null,
    typeCode: 'investment_contract',
    titleZh: '投资合同',
    titleEn: null,
    amount: null,
    status,
    signingOrder: 'sequential',
    expiresOn: null,
    signedOn: null,
    voidReason: null,
    region: { code: '350100', nameZh: '福州市', nameEn: 'Fuzhou' },
    // Party B listed first on purpose: signing order follows positions, not party order.
    parties: [
      { organizationId: ORG_B, nameZh: '乙方', nameEn: null, signers: b },
      { organizationId: ORG_A, nameZh: '甲方', nameEn: null, signers: a },
    ],
    projects: [],
    document: { revision: 1, sha256: null, isUploaded: false },
    seal: { status: 'none', sealedAt: null, sha256: null, attempts: 0, error: null },
    signedAt: null,
    version: 1,
  };
}

describe('signing progress', () => {
  const cases: { name: string; value: Agreement; count: string; turn: number[] }[] = [
    {
      name: 'draft: nobody may sign',
      value: agreement('draft', [signer(0, 'pending', true)], [signer(1, 'pending', false)]),
      count: '0/2',
      turn: [],
    },
    {
      name: 'sequential, first signed: the second is up',
      value: agreement(
        'signing',
        [signer(0, 'signed', true), signer(1, 'pending', true)],
        [signer(2, 'pending', false)],
      ),
      count: '1/3',
      turn: [1],
    },
    {
      name: 'parallel: every pending signer is up',
      value: agreement(
        'signing',
        [signer(0, 'pending', true)],
        [signer(1, 'pending', true), signer(2, 'signed', true)],
      ),
      count: '1/3',
      turn: [0, 1],
    },
    {
      name: 'declined: the agreement is closed',
      value: agreement(
        'declined',
        [signer(0, 'signed', true)],
        [signer(1, 'declined', true), signer(2, 'pending', true)],
      ),
      count: '1/3',
      turn: [],
    },
    {
      name: 'completed',
      value: agreement('completed', [signer(0, 'signed', true)], [signer(1, 'signed', true)]),
      count: '2/2',
      turn: [],
    },
    {
      name: 'signed on paper before Luodi: no signers',
      value: agreement('completed', [], []),
      count: '—',
      turn: [],
    },
  ];
  it.each(cases)('$name', ({ value, count, turn }) => {
    expect(signedCount(value).text).toBe(count);
    expect(whoseTurn(value).map((s) => s.position)).toEqual(turn);
  });

  it('lists signers by position across parties, each with its party', () => {
    const rows = signersInOrder(
      agreement('signing', [signer(0, 'pending', true)], [signer(1, 'pending', false)]),
    );
    expect(rows.map((r) => [r.position, r.party.nameZh])).toEqual([
      [0, '甲方'],
      [1, '乙方'],
    ]);
  });
});

describe('signerState and actions', () => {
  const cases: [AgreementStatus, Signer['status'], boolean, string, boolean][] = [
    ['signing', 'pending', true, 'turn', true],
    ['signing', 'pending', false, 'waiting', false],
    ['signing', 'signed', true, 'signed', false],
    ['signing', 'declined', true, 'declined', false],
    ['draft', 'pending', true, 'idle', false],
    ['voided', 'pending', true, 'idle', false],
    ['expired', 'pending', true, 'idle', false],
  ];
  it.each(cases)(
    '%s / %s / turn %s → %s (re-issue %s)',
    (status, signerStatus, isTurn, state, canReissue) => {
      const s = signer(0, signerStatus, isTurn);
      expect(signerState(status, s)).toBe(state);
      expect(canReissueLink({ status }, s)).toBe(canReissue);
    },
  );

  it('voids drafts, agreements out for signing and completed ones', () => {
    expect(
      ['draft', 'signing', 'completed', 'declined', 'voided', 'expired'].filter((status) =>
        canVoid({ status: status as AgreementStatus }),
      ),
    ).toEqual(['draft', 'signing', 'completed']);
  });

  it('shortens a hash', () => {
    expect(hashPrefix('0123456789abcdef0123')).toBe('0123456789ab');
    expect(hashPrefix(null)).toBe('');
  });
});

describe('form paths of server errors', () => {
  const cases: [string, (string | number)[] | null][] = [
    ['parties.1.signers.0.email', ['parties', 1, 'signers', 0, 'email']],
    ['parties.0.signers.2.mobile', ['parties', 0, 'signers', 2, 'mobile']],
    ['parties.0.signers.2', ['parties', 0, 'signers', 2, 'name']],
    ['parties.0.signers', ['parties', 0, 'signers']],
    ['parties.3.organizationId', ['parties', 3, 'organizationId']],
    ['parties', null],
    ['amount', null],
  ];
  it.each(cases)('%s → %j', (field, path) => {
    expect(formPath(field.split('.'))).toEqual(path);
  });
});

describe('toPatch', () => {
  const existing = agreement('draft', [signer(0, 'pending', true)], [signer(1, 'pending', false)]);
  const initial = initialValues(existing, null);

  it('leaves the parties out when unchanged, so hidden contacts survive', () => {
    const patch = toPatch(initial, { ...initial, titleZh: '新名称' }, 7);
    expect(patch).toMatchObject({ titleZh: '新名称', version: 7 });
    expect(patch).not.toHaveProperty('parties');
  });

  it('sends the parties when a signer changed', () => {
    const changed: Values = structuredClone(initial);
    const first = changed.parties[0]?.signers[0];
    if (first) first.email = ' new@example.com ';
    const patch = toPatch(initial, changed, 7);
    expect(patch.parties?.[0]?.signers[0]?.email).toBe('new@example.com');
  });
});
