import { describe, expect, it } from 'vitest';
import { classifyAddress, isAddressAllowed, isHostAllowed, parseAllowList } from './ip-address.ts';

const NOT_PUBLIC: readonly [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['0x7f000001', 'loopback'],
  ['2130706433', 'loopback'],
  ['0177.0.0.1', 'loopback'],
  ['127.1', 'loopback'],
  ['0.0.0.0', 'this network'],
  ['0.1.2.3', 'this network'],
  ['10.0.0.5', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.127.255.255', 'carrier-grade NAT'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['192.0.2.1', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['::', 'unspecified'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['64:ff9b::10.0.0.1', 'private'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b:1::1', 'IPv6'],
  ['2002:0a00:0001::1', 'private'],
  ['2002:7f00:0001::', 'loopback'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456::1', 'uniqueLocal'],
  ['fe80::1', 'linkLocal'],
  ['fe80::1%eth0', 'linkLocal'],
  ['fec0::1', 'IPv6'],
  ['ff02::1', 'multicast'],
  ['100::1', 'IPv6'],
  ['::127.0.0.1', ''],
  ['2001:db8::1', 'documentation'],
  ['2001::1', 'Teredo'],
  ['3fff::1', 'documentation'],
  ['localhost', 'not an IP address'],
  ['', 'not an IP address'],
];

describe('classifyAddress refuses every address that is not the public internet', () => {
  it.each(NOT_PUBLIC)('%s', (address, range) => {
    const verdict = classifyAddress(address);
    expect(verdict.isPublic).toBe(false);
    if (!verdict.isPublic) expect(verdict.range).toContain(range);
  });
});

describe('classifyAddress lets public addresses through', () => {
  it.each([
    '8.8.8.8',
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '198.20.0.1',
    '223.255.255.255',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
    '2606:4700:4700::1111',
    '2400:3200::1',
  ])('%s', (address) => {
    expect(classifyAddress(address)).toEqual({ isPublic: true });
  });
});

describe('the operator’s allow list', () => {
  const list = parseAllowList(' 127.0.0.1, hooks.Intranet. 10.20.0.0/16 [::1]');

  it.each([
    ['127.0.0.1', true],
    ['::ffff:127.0.0.1', true],
    ['127.0.0.2', false],
    ['10.20.3.4', true],
    ['10.21.0.1', false],
    ['::1', true],
    ['[::1]', true],
    ['fe80::1', false],
    ['hooks.intranet', false],
  ])('address %s allowed: %s', (address, isAllowed) => {
    expect(isAddressAllowed(list, address)).toBe(isAllowed);
  });

  it('matches host names without case or a trailing dot, and only whole names', () => {
    expect(isHostAllowed(list, 'HOOKS.intranet')).toBe(true);
    expect(isHostAllowed(list, 'hooks.intranet.')).toBe(true);
    expect(isHostAllowed(list, 'evil.hooks.intranet')).toBe(false);
    expect(isHostAllowed(parseAllowList(undefined), 'localhost')).toBe(false);
  });

  it.each(['http://x', 'a_b', '10.0.0.0/99', '*.intranet'])('refuses the entry %s, naming it', (entry) => {
    expect(() => parseAllowList(entry)).toThrow(entry);
  });
});
