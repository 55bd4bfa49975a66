import { parseIp, type Ip } from './ip.ts';
import { parseList, type ParamSpec, type Parsed, type Rule } from './params.ts';

/** A Traffic Manager endpoint: its DNS name and the address that name resolves to. */
export interface Endpoint {
  readonly fqdn: string;
  readonly ip: Ip;
}

// Without the `u` flag, `i` never folds a non-ASCII letter (e.g. the Kelvin sign) into ASCII.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const fail = (rule: Rule): Parsed<never> => ({ ok: false, rule });

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

/** A comma-separated list of min–max `fqdn=ip` items in priority order; each name once. */
export function endpointListParam(defaultValue: string, min: number, max: number): ParamSpec<readonly Endpoint[]> {
  return {
    default: defaultValue,
    parse: (text) => parseList(text, { min, max, listCode: 'endpoint-list', itemCode: 'endpoint-item', item: parseEndpoint, key: (e) => e.fqdn }),
  };
}

/** `fqdn=ip`, or null. */
function parseEndpoint(text: string): Endpoint | null {
  const parts = text.split('=');
  if (parts.length !== 2) return null;
  const fqdn = parseDnsName(parts[0]!.trim());
  const ip = parseIp(parts[1]!.trim());
  return fqdn && ip ? { fqdn, ip } : null;
}
