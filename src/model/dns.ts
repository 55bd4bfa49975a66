import { parseIp, type Ip } from './ip.ts';
import type { ParamSpec, Parsed, Rule } from './params.ts';

/** A Traffic Manager endpoint: its DNS name and the address that name resolves to. */
export interface Endpoint {
  readonly fqdn: string;
  readonly ip: Ip;
}

const MAX_TEXT = 4096;
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
    parse(text) {
      if (text.length > MAX_TEXT) return fail({ code: 'endpoint-list', min, max });
      const items = text === '' ? [] : text.split(',').map((item) => item.trim());
      if (items.length < min || items.length > max) return fail({ code: 'endpoint-list', min, max });
      const endpoints: Endpoint[] = [];
      for (const [index, item] of items.entries()) {
        const parts = item.split('=');
        const fqdn = parts.length === 2 ? parseDnsName(parts[0]!.trim()) : null;
        const ip = parts.length === 2 ? parseIp(parts[1]!.trim()) : null;
        if (!fqdn || !ip) return fail({ code: 'endpoint-item', index: index + 1 });
        if (endpoints.some((seen) => seen.fqdn === fqdn)) return fail({ code: 'duplicate', value: fqdn });
        endpoints.push({ fqdn, ip });
      }
      return { ok: true, value: endpoints };
    },
  };
}
