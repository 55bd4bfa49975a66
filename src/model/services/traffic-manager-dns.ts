import { parseIp, type Ip } from '../shared/ip.ts';
import { fail, parseList, type ParamSpec } from '../shared/params.ts';

/**
 * A Traffic Manager endpoint: its DNS name and the address that name resolves to, or, for an
 * external endpoint defined by its IP address, the address alone (`fqdn` null).
 */
export interface Endpoint {
  readonly fqdn: string | null;
  readonly ip: Ip;
}

/** How the endpoint is named on the page: its DNS name, or its address when it has none. */
export function endpointLabel(endpoint: Endpoint): string {
  return endpoint.fqdn ?? endpoint.ip.text;
}

// Without the `u` flag, `i` never folds a non-ASCII letter (e.g. the Kelvin sign) into ASCII.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * A host name per RFC 1123: labels of 1–63 letters, digits and inner hyphens, at most 253
 * characters, at least two labels. The last label may not be all digits (RFC 3696 §2), so an
 * IPv4 address is never taken for a name. Returned in lower case: DNS names ignore case.
 */
export function parseDnsName(input: string): string | null {
  if (input.length > 253) return null;
  const labels = input.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return null;
  return input.toLowerCase();
}

export function dnsNameParam(defaultValue: string): ParamSpec<string> {
  return {
    default: defaultValue,
    parse(text) {
      const name = parseDnsName(text);
      return name ? { ok: true, value: name } : fail({ code: 'dns-name' });
    },
  };
}

/** A comma-separated list of min–max `fqdn=ip` or bare `ip` items in priority order; each name (or bare address) once. */
export function endpointListParam(defaultValue: string, min: number, max: number): ParamSpec<readonly Endpoint[]> {
  return {
    default: defaultValue,
    parse: (text) => parseList(text, { min, max, listCode: 'endpoint-list', itemCode: 'endpoint-item', item: parseEndpoint, key: endpointLabel }),
  };
}

/** `fqdn=ip`, a bare `ip` (an external endpoint defined by address), or null. */
function parseEndpoint(text: string): Endpoint | null {
  if (!text.includes('=')) {
    const ip = parseIp(text);
    return ip ? { fqdn: null, ip } : null;
  }
  const parts = text.split('=');
  if (parts.length !== 2) return null;
  const fqdn = parseDnsName(parts[0]!.trim());
  const ip = parseIp(parts[1]!.trim());
  return fqdn && ip ? { fqdn, ip } : null;
}
