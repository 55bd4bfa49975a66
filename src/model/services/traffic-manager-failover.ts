import {
  intParam,
  readScenario,
  type ParamError,
  type ParamSpec,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
} from '../shared/params.ts';

/** How Traffic Manager watches its endpoints (one profile-wide setting, SPEC §2). */
export interface MonitorSettings {
  /** Probing interval I in seconds: 30 (normal) or 10 (fast probing). */
  readonly interval: number;
  /** Failed probes tolerated before the next one marks the endpoint Degraded. */
  readonly tolerated: number;
  /** Seconds a probe waits for an answer before it counts as failed. */
  readonly timeout: number;
}

/** The DNS-cache failover model's inputs: when endpoint 1 fails and when the client last resolved. */
export interface FailoverScenario extends MonitorSettings {
  readonly ttl: number;
  readonly fail: number;
  readonly resolved: number;
}

const MAX_SECONDS = 2147483647;

/** Probing settings, shared by the Traffic Manager and failover explorers. */
export const monitorParams: ParamSpecs<MonitorSettings> = {
  interval: {
    default: '30',
    input: { options: ['30', '10'] },
    parse: (text) =>
      text === '30' || text === '10' ? { ok: true, value: Number(text) } : { ok: false, rule: { code: 'enum', options: '30, 10' } },
  },
  tolerated: intParam('3', 0, 9),
  timeout: intParam('10', 5, 10),
};

export const ttlParam = intParam('60', 0, MAX_SECONDS);
export const resolvedParam = intParam('0', 0, MAX_SECONDS);

/**
 * `fail` where a failure is optional (the Traffic Manager explorer): empty or `none` means
 * endpoint 1 never goes down, which is the everyday case the DNS steps show.
 */
export const optionalFailParam: ParamSpec<number | null> = {
  default: '',
  input: 'number',
  optional: true,
  parse(text) {
    if (text === '' || text === 'none') return { ok: true, value: null };
    return intParam('', 0, MAX_SECONDS).parse(text);
  },
};

/** On the failover explorer a failure is the subject, so `fail` must be a time. */
export const failoverParams: ParamSpecs<FailoverScenario> = {
  ttl: ttlParam,
  ...monitorParams,
  fail: intParam('45', 0, MAX_SECONDS),
  resolved: resolvedParam,
};

/** Fast probing (10 s) allows a timeout of at most 9 s; reported at `timeout`. */
export function checkMonitor(m: MonitorSettings): ParamError[] {
  return m.interval === 10 && m.timeout > 9
    ? [{ param: 'timeout', rule: { code: 'at-most-when', max: 9, other: 'interval', value: '10' } }]
    : [];
}

export function readFailoverScenario(raw: RawParams): ScenarioResult<FailoverScenario> {
  return readScenario(raw, failoverParams, checkMonitor);
}

/** The first probe that fails: probes run at 0, I, 2I, …, and one at or after `fail` gets no answer. */
export function firstFailedProbe(m: MonitorSettings, fail: number): number {
  return Math.ceil(fail / m.interval) * m.interval;
}

/** When Traffic Manager marks endpoint 1 Degraded: the (tolerated+1)-th failed probe times out. */
export function degradedAt(m: MonitorSettings, fail: number): number {
  return firstFailedProbe(m, fail) + m.tolerated * m.interval + m.timeout;
}

/**
 * The client's first lookup at or after `degraded`: it looks up at resolved + n·ttl (each time its
 * cache runs out). With TTL 0 nothing is cached, so the next connection after `degraded` switches.
 */
export function switchAt(resolved: number, ttl: number, degraded: number): number {
  if (resolved >= degraded) return resolved;
  if (ttl === 0) return degraded;
  return resolved + Math.ceil((degraded - resolved) / ttl) * ttl;
}

/** The four figures of SPEC §3, plus the rule of thumb the page compares them with. */
export interface FailoverFigures {
  readonly degradedAt: number;
  readonly switchAt: number;
  /** Seconds this client kept going to the failed endpoint: switch-at − fail. */
  readonly outage: number;
  /** The longest any client can be stuck: one that looked up just before degraded-at keeps it a full TTL. */
  readonly worstCase: number;
  /** TTL + tolerated × interval: the estimate read from Microsoft's monitoring timeline. */
  readonly ruleOfThumb: number;
}

export function failoverFigures(s: FailoverScenario): FailoverFigures {
  const degraded = degradedAt(s, s.fail);
  const switched = switchAt(s.resolved, s.ttl, degraded);
  return {
    degradedAt: degraded,
    switchAt: switched,
    outage: switched - s.fail,
    worstCase: degraded - s.fail + s.ttl,
    ruleOfThumb: s.ttl + s.tolerated * s.interval,
  };
}
