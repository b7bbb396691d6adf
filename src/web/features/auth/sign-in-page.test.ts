import { describe, expect, it } from 'vitest';
import { safeNext } from './sign-in-page.tsx';

describe('safeNext', () => {
  it.each([
    ['/projects?stage=signed', '/projects?stage=signed'],
    ['/', '/'],
    [null, '/'],
    ['', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['projects', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
