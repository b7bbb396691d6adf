// Pure address rules, kept on the server because they use ipaddr.js (src/domain imports only itself).
import ipaddr from 'ipaddr.js';

/** Where an address leads: the public internet, or a range a server-side call must never reach. */
export type AddressClass = { isPublic: true } | { isPublic: false; range: string };

type Range = [string, string];

// IPv4 ranges that are not the public internet (IANA special-purpose registry); the first match names it.
const V4_BLOCKED: Range[] = [
  ['255.255.255.255/32', 'broadcast'],
  ['0.0.0.0/8', 'this network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4 relay anycast'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

// Inside global unicast (2000::/3), the parts that are not the public internet either.
const V6_BLOCKED: Range[] = [
  ['2001::/32', 'Teredo'],
  ['2001:2::/48', 'benchmarking'],
  ['2001:10::/28', 'ORCHID'],
  ['2001:20::/28', 'ORCHIDv2'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
];

const parsedRanges = (ranges: Range[]) =>
  ranges.map(([cidr, name]) => ({ cidr: ipaddr.parseCIDR(cidr), name }));
const V4 = parsedRanges(V4_BLOCKED);
const V6 = parsedRanges(V6_BLOCKED);
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');

function classifyV4(address: ipaddr.IPv4): AddressClass {
  const hit = V4.find(({ cidr }) => address.match(cidr));
  return hit ? { isPublic: false, range: hit.name } : { isPublic: true };
}

/** The IPv4 address inside an IPv6 one, from the given byte. */
const embeddedV4 = (bytes: number[], from: number) =>
  new ipaddr.IPv4(bytes.slice(from, from + 4) as [number, number, number, number]);

/**
 * Classifies an IP address in any textual form ipaddr.js reads (dotted, decimal, hex, octal IPv4; every IPv6
 * form). IPv6 is public only inside global unicast 2000::/3 and outside the special ranges; an IPv4 address
 * carried inside IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4.
 * Text that is not an address is not public.
 */
export function classifyAddress(text: string): AddressClass {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return { isPublic: false, range: 'not an IP address' };
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return classifyV4(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return classifyV4(v6.toIPv4Address());
  const bytes = v6.toByteArray();
  if (v6.match(NAT64)) return classifyV4(embeddedV4(bytes, 12));
  if (v6.match(SIX_TO_FOUR)) return classifyV4(embeddedV4(bytes, 2));
  if (!v6.match(GLOBAL_UNICAST)) return { isPublic: false, range: `IPv6 ${v6.range()}` };
  const hit = V6.find(({ cidr }) => v6.match(cidr));
  return hit ? { isPublic: false, range: hit.name } : { isPublic: true };
}

/** An operator's allow list: host names, addresses and CIDR ranges that may be called although not public. */
export type AllowList = { hosts: Set<string>; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/** Reads a list like "127.0.0.1, hooks.intranet, 10.20.0.0/16"; throws naming the entry it cannot read. */
export function parseAllowList(text: string | undefined): AllowList {
  const list: AllowList = { hosts: new Set(), ranges: [] };
  for (const entry of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const bare = entry.replace(/^\[(.*)\]$/, '$1');
    if (bare.includes('/') && ipaddr.isValidCIDR(bare)) list.ranges.push(ipaddr.parseCIDR(bare));
    else if (ipaddr.isValid(bare)) {
      const address = ipaddr.parse(bare);
      list.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(bare))
      list.hosts.add(bare.toLowerCase().replace(/\.$/, ''));
    else
      throw new Error(
        `LUODI_WEBHOOK_ALLOW_HOSTS: "${entry}" is not a host name, an IP address or a CIDR range`,
      );
  }
  return list;
}

export const isHostAllowed = (list: AllowList, host: string) =>
  list.hosts.has(
    host
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/\.$/, ''),
  );

/** Whether an address is in one of the allowed ranges (an IPv4-mapped IPv6 address counts as its IPv4). */
export function isAddressAllowed(list: AllowList, text: string): boolean {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  const address = ipaddr.process(bare);
  return list.ranges.some(([range, bits]) => address.kind() === range.kind() && address.match(range, bits));
}
