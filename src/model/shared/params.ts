import { embeddedIpv4, nat64PrivateIpv4, parseIp, parseSubnet4, type Ip, type Subnet4 } from './ip.ts';

/**
 * The rule a parameter broke: a code (its message is `rule.<code>` in content/i18n) and the
 * numbers or names the message needs. The shared parsers below use `ip`, `int`, `enum`, `ip-list`,
 * `cidr4`, `duplicate`…; a service adds its own codes in its module, and the i18n test checks
 * every code an explorer can report has a message in both languages.
 */
export interface Rule {
  readonly code: string;
  readonly [value: string]: string | number;
}

export interface ParamError {
  readonly param: string;
  readonly rule: Rule;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rule: Rule };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** A parse that broke `rule`: what every parser returns on bad text. */
export const fail = (rule: Rule): Parsed<never> => ({ ok: false, rule });

/** How a parameter is typed into a form: a text field (the default), a number field, or a choice of its raw values. */
export type ParamInput = 'text' | 'number' | { readonly options: readonly string[] };

/**
 * How one URL parameter is read: its default (as the text a reader would type), its parser, and
 * the form field it takes (the explorers' forms are made from the specs).
 */
export interface ParamSpec<T> {
  readonly default: string;
  readonly parse: (text: string) => Parsed<T>;
  readonly input?: ParamInput;
  /** Empty text is a value of its own here (none, or the default's meaning), not a missing one. */
  readonly optional?: true;
  /** The shared spec this one gives another default (`withDefault`). */
  readonly base?: ParamSpec<T>;
}

export type ParamSpecs<S> = { readonly [K in keyof S]: ParamSpec<S[K]> };

/** The raw text of each parameter as it came from the URL or a form; absent = default. */
export type RawParams = Readonly<Record<string, string | undefined>>;

export type ScenarioResult<S> =
  { readonly ok: true; readonly scenario: S } | { readonly ok: false; readonly errors: readonly ParamError[] };

/**
 * Reads every parameter of a scenario. The scenario is valid only when every field is;
 * cross-field rules run after the fields parse and report against one field.
 */
export function readScenario<S>(
  raw: RawParams,
  specs: ParamSpecs<S>,
  crossCheck: (scenario: S) => readonly ParamError[] = () => [],
): ScenarioResult<S> {
  const errors: ParamError[] = [];
  const values: Partial<Record<keyof S, unknown>> = {};
  for (const name of Object.keys(specs) as (keyof S & string)[]) {
    const spec = specs[name];
    const text = raw[name];
    // A text-direction control makes a value display in another order than it is read
    // (`fd,\u202ewga` shows as "fd,agw"): no field takes one.
    if (text !== undefined && BIDI_CONTROLS.test(text)) {
      errors.push({ param: name, rule: { code: 'bidi' } });
      continue;
    }
    const parsed = spec.parse(text === undefined ? spec.default : text.trim());
    if (parsed.ok) values[name] = parsed.value;
    else errors.push({ param: name, rule: parsed.rule });
  }
  // Cross-field rules still run when some fields failed, with those fields at their defaults,
  // so every broken rule is reported at once. A cross error that involves a failed field is
  // left out: its message would rest on a value the reader did not enter.
  const failed = new Set(errors.map((error) => error.param));
  for (const name of failed) {
    const parsed = specs[name as keyof S & string].parse(specs[name as keyof S & string].default);
    if (parsed.ok) values[name as keyof S] = parsed.value;
  }
  const crossErrors = crossCheck(values as S).filter(
    (error) => !failed.has(error.param) && !(typeof error.rule.other === 'string' && failed.has(error.rule.other)),
  );
  const all = [...errors, ...crossErrors];
  return all.length > 0 ? { ok: false, errors: all } : { ok: true, scenario: values as S };
}

/** The defaults of a set of specs as raw text, for forms. */
/** The bidirectional formatting characters: embeddings and overrides, isolates, and the two marks. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/u;

export function defaultParams<S>(specs: ParamSpecs<S>): Record<keyof S & string, string> {
  const out = {} as Record<keyof S & string, string>;
  for (const name of Object.keys(specs) as (keyof S & string)[]) out[name] = specs[name].default;
  return out;
}

const MAX_TEXT = 4096;

/** A whole number in [min, max]: digits only, no sign, no leading zeros, no exponent. */
export function intParam(defaultValue: string, min: number, max: number): ParamSpec<number> {
  return {
    default: defaultValue,
    input: 'number',
    parse(text) {
      if (!/^(?:0|[1-9][0-9]{0,15})$/.test(text)) return fail({ code: 'int', min, max });
      const value = Number(text);
      return value >= min && value <= max ? ok(value) : fail({ code: 'int', min, max });
    },
  };
}

export const portParam = (defaultValue: string): ParamSpec<number> => intParam(defaultValue, 1, 65535);

export function ipParam(defaultValue: string): ParamSpec<Ip> {
  return {
    default: defaultValue,
    parse(text) {
      const ip = text.length <= 64 ? parseIp(text) : null;
      if (ip) return ok(ip);
      return fail(addressRule(text));
    },
  };
}

/**
 * Why a text is not a usable address, as one rule for a single field and for a list's item: an
 * IPv4 address in IPv6 dress, the NAT64 well-known prefix around a private IPv4 address (RFC 6052
 * §3.1 forbids that use), or not an address. Null when no such reason applies.
 */
function addressReason(text: string): Rule | null {
  if (text.length > 64) return null;
  const ipv4 = embeddedIpv4(text);
  if (ipv4 !== null) return { code: 'ip-v4-in-v6', ipv4 };
  const nat64 = nat64PrivateIpv4(text);
  return nat64 === null ? null : { code: 'ip-nat64-private', ipv4: nat64 };
}

const addressRule = (text: string): Rule => addressReason(text) ?? { code: 'ip' };

/** The address part of a list item as the lists write it: `FQDN=IP`, `[IPv6]:port`, `IPv4:port` or a bare address. */
function itemAddress(text: string): string {
  const value = text.includes('=') ? text.slice(text.indexOf('=') + 1) : text;
  const bracketed = /^\[([^\]]+)\]/.exec(value);
  return bracketed ? bracketed[1]! : value;
}

/** A list item's own rule where the single-address fields have one (`list-item-<code>`), else the list's. */
function itemRule(text: string, index: number, itemCode: string): Rule {
  const reason = addressReason(itemAddress(text));
  return reason ? { ...reason, code: `list-item-${reason.code}`, index } : { code: itemCode, index };
}

/** How a comma-separated list is read: its size, its item parser, what makes two items the same. */
export interface ListOptions<T> {
  readonly min: number;
  readonly max: number;
  readonly listCode: 'ip-list' | 'endpoint-list';
  readonly itemCode: 'ip-list-item' | 'endpoint-item';
  /** The item, or null when the text is not a valid item. */
  readonly item: (text: string) => T | null;
  /** Two items with the same key are a repeat. */
  readonly key: (value: T) => string;
}

/** A comma-separated list of min–max items, each valid and none repeated. */
export function parseList<T>(text: string, options: ListOptions<T>): Parsed<T[]> {
  const { min, max, listCode, itemCode } = options;
  if (text.length > MAX_TEXT) return fail({ code: listCode, min, max });
  const items = text === '' ? [] : text.split(',').map((item) => item.trim());
  if (items.length < min || items.length > max) return fail({ code: listCode, min, max });
  const values: T[] = [];
  for (const [index, itemText] of items.entries()) {
    const value = options.item(itemText);
    if (value === null) return fail(itemRule(itemText, index + 1, itemCode));
    const key = options.key(value);
    if (values.some((seen) => options.key(seen) === key)) return fail({ code: 'duplicate', value: key });
    values.push(value);
  }
  return ok(values);
}

/** A comma-separated list of min–max IP addresses, all of one IP version, no repeats. */
export function ipListParam(defaultValue: string, min: number, max: number): ParamSpec<readonly Ip[]> {
  const options: ListOptions<Ip> = { min, max, listCode: 'ip-list', itemCode: 'ip-list-item', item: parseIp, key: (ip) => ip.text };
  return {
    default: defaultValue,
    parse(text) {
      const parsed = parseList(text, options);
      if (!parsed.ok) return parsed;
      const ips = parsed.value;
      return ips.some((ip) => ip.family !== ips[0]!.family) ? fail({ code: 'mixed-family' }) : parsed;
    },
  };
}

/** An IPv4 CIDR block such as `10.0.0.0/24`; host bits are cleared (`10.0.0.7/24` → `10.0.0.0/24`). */
export function cidr4Param(defaultValue: string): ParamSpec<Subnet4> {
  return {
    default: defaultValue,
    parse(text) {
      const subnet = text.length <= 64 ? parseSubnet4(text) : null;
      return subnet ? ok(subnet) : fail({ code: 'cidr4' });
    },
  };
}

export function enumParam<T extends string>(defaultValue: T, options: readonly T[]): ParamSpec<T> {
  return {
    default: defaultValue,
    input: { options },
    parse(text) {
      return (options as readonly string[]).includes(text) ? ok(text as T) : fail({ code: 'enum', options: options.join(', ') });
    },
  };
}

export function flagParam(defaultValue: '0' | '1'): ParamSpec<boolean> {
  return {
    default: defaultValue,
    input: { options: ['0', '1'] },
    parse(text) {
      if (text === '0' || text === '1') return ok(text === '1');
      return fail({ code: 'enum', options: '0, 1' });
    },
  };
}

/** One `X-Forwarded-For` entry: an address, with the port when the sender wrote one. */
export interface XffEntry {
  readonly ip: Ip;
  readonly port: number | null;
}

const PORT_TEXT = /^(?:[1-9][0-9]{0,4})$/;

function xffPort(text: string): number | null {
  if (!PORT_TEXT.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/**
 * One entry as a client may write it: `IPv4`, `IPv4:port`, `IPv6`, `[IPv6]` or `[IPv6]:port`.
 * A bare IPv6 address cannot carry a port (its colons would swallow it), hence the brackets.
 */
export function parseXffEntry(text: string): XffEntry | null {
  if (text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    const ip = parseIp(bracketed[1]!);
    if (!ip || ip.family !== 6) return null;
    if (bracketed[2] === undefined) return { ip, port: null };
    const port = xffPort(bracketed[2]);
    return port === null ? null : { ip, port };
  }
  const bare = parseIp(text);
  if (bare) return { ip: bare, port: null };
  const colon = text.lastIndexOf(':');
  if (colon < 0) return null;
  const ip = parseIp(text.slice(0, colon));
  const port = xffPort(text.slice(colon + 1));
  return ip && ip.family === 4 && port !== null ? { ip, port } : null;
}

/** An entry as the header carries it: `ip`, `ip:port` or `[v6]:port`. */
export function formatXffEntry(entry: XffEntry): string {
  if (entry.port === null) return entry.ip.text;
  return entry.ip.family === 6 ? `[${entry.ip.text}]:${entry.port}` : `${entry.ip.text}:${entry.port}`;
}

/** Entries a client may send in its own `X-Forwarded-For`; more than this is not a scenario worth drawing. */
export const MAX_XFF_ENTRIES = 16;

/**
 * The `X-Forwarded-For` a client sends itself (SPEC §2 `xffin`): empty for none, else a comma list
 * of entries. Repeats are allowed: the header is the client's to write, and a forger may repeat.
 */
export function xffParam(defaultValue: string): ParamSpec<readonly XffEntry[]> {
  return {
    default: defaultValue,
    optional: true,
    parse(text) {
      if (text === '') return ok([]);
      if (text.length > MAX_TEXT) return fail({ code: 'xff-list', max: MAX_XFF_ENTRIES });
      const items = text.split(',').map((item) => item.trim());
      if (items.length > MAX_XFF_ENTRIES) return fail({ code: 'xff-list', max: MAX_XFF_ENTRIES });
      const entries: XffEntry[] = [];
      for (const [index, item] of items.entries()) {
        const entry = parseXffEntry(item);
        if (!entry) return fail(itemRule(item, index + 1, 'xff-item'));
        entries.push(entry);
      }
      return ok(entries);
    },
  };
}

/**
 * A spec with another default: the same parameter, meaning and rules, where one explorer's page
 * starts from another example (the paths page's endpoints). `mergeParams` treats it as its base.
 */
export function withDefault<T>(spec: ParamSpec<T>, defaultValue: string): ParamSpec<T> {
  return { ...spec, default: defaultValue, base: spec.base ?? spec };
}

/**
 * Several services' parameter tables as one form's (the health-probe page, the paths page). A name
 * two tables share must be one spec — the same object, or defaults of it (`withDefault`) — so it
 * means the same everywhere; two different specs under one name throw, naming it. The first
 * table's order comes first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each table has its own scenario type
export function mergeParams<S>(...tables: readonly Readonly<Record<string, ParamSpec<any>>>[]): ParamSpecs<S> {
  const merged: Record<string, ParamSpec<unknown>> = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      const seen = merged[name];
      if (seen !== undefined && (seen.base ?? seen) !== (spec.base ?? spec)) {
        throw new Error(`parameter "${name}" has two different specs: a shared name needs one spec`);
      }
      if (seen === undefined) merged[name] = spec;
    }
  }
  return merged as ParamSpecs<S>;
}

/**
 * The parameters every service reads in the same sense (SPEC §2): one spec each, imported by every
 * service that takes them, so two explorers can never read `client` or `bport` differently.
 */
export const COMMON_PARAMS = {
  client: ipParam('203.0.113.10'),
  cport: intParam('50000', 1024, 65535),
  port: portParam('443'),
  backends: ipListParam('10.0.1.4,10.0.1.5', 1, 16),
  bport: portParam('443'),
  pick: intParam('1', 1, 16),
  xffin: xffParam(''),
} as const;
