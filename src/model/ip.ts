import ipaddr from 'ipaddr.js';

/** An IP address in its canonical text form (IPv6 per RFC 5952). */
export interface Ip {
  readonly text: string;
  readonly family: 4 | 6;
}

/**
 * Parses an IPv4 address in strict dotted-quad form or an IPv6 address without a zone.
 * Returns null for anything else (shorthand IPv4 such as `10.1`, hex parts, zones, spaces).
 */
export function parseIp(input: string): Ip | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(input)) {
    return { text: ipaddr.IPv4.parse(input).toString(), family: 4 };
  }
  if (!input.includes('%') && ipaddr.IPv6.isValid(input)) {
    return { text: ipaddr.IPv6.parse(input).toRFC5952String(), family: 6 };
  }
  return null;
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
