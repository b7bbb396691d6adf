import { describe, expect, it } from 'vitest';
import { type AuditEntry, canonicalJson, chainEntries, GENESIS_HASH, verifyChain } from './audit-chain.ts';

const events: AuditEntry[] = [
  {
    at: '2026-11-21T02:00:00Z',
    actor: 'user:17',
    action: 'agreement.created',
    details: { title: '战略合作协议' },
  },
  {
    at: '2026-11-21T02:30:00Z',
    actor: 'party:泉州市人民政府',
    action: 'agreement.signed',
    details: { ip: '10.0.0.8' },
  },
  { at: '2026-11-21T02:31:00Z', actor: 'party:宁德时代', action: 'agreement.signed' },
  {
    at: '2026-11-21T02:32:00Z',
    actor: 'system',
    action: 'agreement.sealed',
    details: { sha256: 'ab'.repeat(32) },
  },
];

describe('audit chain', () => {
  it('sorts keys so the same data gives the same text', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] })).toBe(
      '{"a":[true,null,{"c":2,"d":"x"}],"b":1}',
    );
  });

  it('links each entry to the previous hash and verifies', () => {
    const chain = chainEntries(events);
    expect(chain[0]?.previousHash).toBe(GENESIS_HASH);
    expect(chain[1]?.previousHash).toBe(chain[0]?.hash);
    expect(verifyChain(chain)).toEqual({ isValid: true, count: 4, lastHash: chain[3]?.hash });
  });

  it('finds an edited entry', () => {
    const chain = chainEntries(events);
    const edited = chain.map((entry, index) =>
      index === 1 ? { ...entry, actor: 'party:someone else' } : entry,
    );
    expect(verifyChain(edited)).toEqual({ isValid: false, brokenAt: 1, reason: 'hash-mismatch' });
  });

  it('finds a removed entry (broken link)', () => {
    const chain = chainEntries(events);
    const withGap = [chain[0], chain[2], chain[3]].filter((entry) => entry !== undefined);
    expect(verifyChain(withGap)).toEqual({ isValid: false, brokenAt: 1, reason: 'link-broken' });
  });

  it('finds an entry re-hashed after editing, because the next link breaks', () => {
    const chain = chainEntries(events);
    const [first] = chainEntries([{ ...events[0], actor: 'user:99' } as AuditEntry]);
    const forged = [first, ...chain.slice(1)].filter((entry) => entry !== undefined);
    expect(verifyChain(forged)).toEqual({ isValid: false, brokenAt: 1, reason: 'link-broken' });
  });
});
