import { describe, expect, it } from 'vitest';
import { checkEventParent, MAX_EVENT_DEPTH } from './event-tree.ts';

const chain = (length: number) => Array.from({ length }, (_, i) => `p${i}`);

describe('checkEventParent', () => {
  it.each([
    ['a new event under a top-level event', null, ['p0'], 1, null],
    ['an event under an unrelated branch', 'a', ['p0', 'p1'], 2, null],
    ['an event under itself', 'a', ['a'], 1, 'event.parent_self'],
    ['an event under its child', 'a', ['b', 'a'], 2, 'event.parent_cycle'],
    ['an event under a deeper descendant', 'a', ['c', 'b', 'a', 'p0'], 3, 'event.parent_cycle'],
    ['a chain exactly at the limit', 'a', chain(MAX_EVENT_DEPTH - 1), 1, null],
    ['a subtree pushed past the limit', 'a', chain(MAX_EVENT_DEPTH - 1), 2, 'event.too_deep'],
    ['a parent chain cut at the bound (bad data)', null, chain(MAX_EVENT_DEPTH + 1), 1, 'event.too_deep'],
  ] as const)('%s', (_, eventId, parentChain, levels, expected) => {
    expect(checkEventParent(eventId, parentChain, levels)?.code ?? null).toBe(expected);
  });
});
