import ipaddr from 'ipaddr.js';

/** An IP address in its canonical text form (IPv6 per RFC 5952). */
export interface Ip {
  readonly text: string;
  readonly family: 4 | 6;
}

/**
 * An IPv6 address written with its last 32 bits as a dotted quad (`64:ff9b::198.51.100.7`), in
 * hexadecimal groups; null when the dotted part is not a strict dotted quad (`::ffff:0x7f.0.0.1`).
 * ipaddr.js reads any dotted tail loosely and takes `::a.b.c.d` for `::ffff:a.b.c.d`; reading the
 * tail here keeps one rule for IPv4 text everywhere.
 */
function hexTail(input: string): string | null {
  const colon = input.lastIndexOf(':');
  const quad = input.slice(colon + 1);
  if (colon < 0 || !quad.includes('.')) return input;
  if (!ipaddr.IPv4.isValidFourPartDecimal(quad)) return null;
  const [a, b, c, d] = ipaddr.IPv4.parse(quad).octets as [number, number, number, number];
  return `${input.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * The IPv4 address an IPv6 text stands for when it is an IPv4 address in IPv6 dress: IPv4-mapped
 * (`::ffff:10.0.0.9`, `::ffff:a00:9`, RFC 4291 §2.5.5.2) or the deprecated IPv4-compatible form
 * (`::10.0.0.5`, §2.5.5.1). A packet in a virtual network carries the IPv4 address itself, so the
 * explorers refuse these and name the address to enter instead. Null for anything else.
 */
export function embeddedIpv4(input: string): string | null {
  const hex = input.includes('%') ? null : hexTail(input);
  if (hex === null || !ipaddr.IPv6.isValid(hex)) return null;
  const parts = ipaddr.IPv6.parse(hex).parts;
  const mapped = parts.slice(0, 5).every((part) => part === 0) && (parts[5] === 0xffff || parts[5] === 0);
  // `::` and `::1` are IPv6's own addresses, not IPv4 ones.
  if (!mapped || (parts[5] === 0 && parts[6] === 0)) return null;
  return [parts[6]! >> 8, parts[6]! & 255, parts[7]! >> 8, parts[7]! & 255].join('.');
}

/**
 * Parses an IPv4 address in strict dotted-quad form or an IPv6 address without a zone.
 * Returns null for anything else: shorthand IPv4 such as `10.1`, hex parts, zones, spaces, and
 * IPv4 addresses written as IPv6 (see embeddedIpv4). IPv6 is shown per RFC 5952, with the
 * well-known NAT64 prefix's IPv4 part dotted (§5).
 */
/** IPv4 ranges that are never global: RFC 1918, RFC 6598 shared space, loopback, link-local, unspecified. */
const NOT_GLOBAL = new Set(['private', 'carrierGradeNat', 'loopback', 'linkLocal', 'unspecified']);

/**
 * The IPv4 address inside an address of the NAT64 well-known prefix 64:ff9b::/96 when that IPv4
 * address is not global (private, shared, loopback, link-local): RFC 6052 §3.1 says the well-known prefix
 * must not be used to represent non-global IPv4 addresses. Null for anything else.
 */
export function nat64PrivateIpv4(input: string): string | null {
  const hex = input.includes('%') ? null : hexTail(input);
  if (hex === null || !ipaddr.IPv6.isValid(hex)) return null;
  const address = ipaddr.IPv6.parse(hex);
  if (address.range() !== 'rfc6052') return null;
  const parts = address.parts;
  const ipv4 = ipaddr.IPv4.parse([parts[6]! >> 8, parts[6]! & 255, parts[7]! >> 8, parts[7]! & 255].join('.'));
  // Documentation ranges stay usable: the guide's examples stand in for public addresses with them.
  return NOT_GLOBAL.has(ipv4.range()) ? ipv4.toString() : null;
}

export function parseIp(input: string): Ip | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(input)) {
    return { text: ipaddr.IPv4.parse(input).toString(), family: 4 };
  }
  const hex = input.includes('%') ? null : hexTail(input);
  if (hex === null || !ipaddr.IPv6.isValid(hex) || embeddedIpv4(input) !== null || nat64PrivateIpv4(input) !== null) return null;
  const address = ipaddr.IPv6.parse(hex);
  const text = address.toRFC5952String();
  if (address.range() !== 'rfc6052') return { text, family: 6 };
  const parts = address.parts;
  return { text: `64:ff9b::${[parts[6]! >> 8, parts[6]! & 255, parts[7]! >> 8, parts[7]! & 255].join('.')}`, family: 6 };
}

/** One end of a TCP connection: an address and a port. Formatted as text only by the views. */
export interface SocketAddress {
  readonly ip: Ip;
  readonly port: number;
}

export const socketAddress = (ip: Ip, port: number): SocketAddress => ({ ip, port });

/** `ip:port`, with IPv6 in brackets so the port cannot be read as part of the address. */
export function ipPort(ip: Ip, port: number): string {
  return ip.family === 6 ? `[${ip.text}]:${port}` : `${ip.text}:${port}`;
}

/** An IPv4 subnet: its network address and prefix length. */
export interface Subnet4 {
  readonly network: Ip;
  readonly prefix: number;
  readonly text: string;
}

/** Parses `a.b.c.d/n` (IPv4 only) and normalises it to its network address. */
export function parseSubnet4(input: string): Subnet4 | null {
  const slash = input.indexOf('/');
  if (slash < 0) return null;
  const address = input.slice(0, slash);
  const prefixText = input.slice(slash + 1);
  if (!/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(prefixText)) return null;
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return null;
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefixText}`).toString();
  return { network: { text: network, family: 4 }, prefix: Number(prefixText), text: `${network}/${prefixText}` };
}

/** Number of addresses in an IPv4 subnet. */
export function subnetSize(subnet: Subnet4): number {
  return 2 ** (32 - subnet.prefix);
}

/** The IPv4 address `offset` places after the subnet's network address. */
export function subnetAddress(subnet: Subnet4, offset: number): Ip {
  const octets = ipaddr.IPv4.parse(subnet.network.text).octets;
  const base = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
  const value = base + offset;
  const text = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
  return { text, family: 4 };
}

/** Whether an address lies inside an IPv4 subnet (an IPv6 address never does). */
export function subnetContains(subnet: Subnet4, ip: Ip): boolean {
  if (ip.family !== 4) return false;
  return ipaddr.IPv4.parse(ip.text).match(ipaddr.IPv4.parse(subnet.network.text), subnet.prefix);
}

/** How many places after the subnet's network address an IPv4 address lies. */
export function subnetOffset(subnet: Subnet4, ip: Ip): number {
  const value = (text: string) => ipaddr.IPv4.parse(text).octets.reduce((sum, octet) => sum * 256 + octet, 0);
  return value(ip.text) - value(subnet.network.text);
}

/**
 * Whether an address is one a virtual network uses privately (RFC 1918, RFC 6598 shared space,
 * unique local IPv6) rather than one reached over the internet. The documentation ranges the guide's
 * examples use (RFC 5737, RFC 3849) count as public, as they stand for public addresses.
 */
export function isPrivateAddress(ip: Ip): boolean {
  const range = ipaddr.parse(ip.text).range();
  return range === 'private' || range === 'carrierGradeNat' || range === 'uniqueLocal';
}
