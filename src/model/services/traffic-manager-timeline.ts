import { failoverFigures, firstFailedProbe, type FailoverScenario } from './traffic-manager-failover.ts';

/** One moment of the DNS-cache failover model, for the timeline diagram. Times are seconds. */
export type TimelineEvent =
  /** The client looks the name up and gets endpoint 1 (then caches it for the TTL). */
  | { readonly kind: 'lookup'; readonly t: number }
  /** A run of such lookups, every `every` seconds from `from` to `to`, folded so the diagram stays short. */
  | { readonly kind: 'lookups'; readonly from: number; readonly to: number; readonly count: number; readonly every: number }
  | { readonly kind: 'fail'; readonly t: number }
  /** Failed probe `n` of the `of` it takes; sent at `t`, known failed at `failedAt` (t + timeout). */
  | { readonly kind: 'probe'; readonly t: number; readonly n: number; readonly of: number; readonly failedAt: number }
  | { readonly kind: 'degraded'; readonly t: number }
  /** The client's first lookup after degraded-at: the answer is endpoint 2. */
  | { readonly kind: 'switch'; readonly t: number };

/** Beyond this many lookups before the switch, the middle ones fold into one `lookups` event. */
export const MAX_LOOKUPS = 4;

/** At one instant: the failure comes first, then a probe, the Degraded mark, and only then a lookup. */
const ORDER: Record<TimelineEvent['kind'], number> = { fail: 0, probe: 1, degraded: 2, lookup: 3, lookups: 3, switch: 4 };

export function eventTime(event: TimelineEvent): number {
  return event.kind === 'lookups' ? event.from : event.t;
}

/**
 * The failover in time order: the failure, each failed probe up to Degraded, the Degraded mark,
 * each lookup that still returned endpoint 1, and the switch.
 */
export function failoverTimeline(s: FailoverScenario): TimelineEvent[] {
  const { degradedAt, switchAt } = failoverFigures(s);
  const first = firstFailedProbe(s, s.fail);
  const probes = Array.from({ length: s.tolerated + 1 }, (_, i): TimelineEvent => {
    const t = first + i * s.interval;
    return { kind: 'probe', t, n: i + 1, of: s.tolerated + 1, failedAt: t + s.timeout };
  });
  const events: TimelineEvent[] = [
    { kind: 'fail', t: s.fail },
    ...probes,
    { kind: 'degraded', t: degradedAt },
    ...lookupsBefore(s, switchAt),
    { kind: 'switch', t: switchAt },
  ];
  return events.sort((a, b) => eventTime(a) - eventTime(b) || ORDER[a.kind] - ORDER[b.kind]);
}

/** The endpoint the client switches to: the next in priority order (only endpoint 1 ever fails here). */
export const FALLBACK_ENDPOINT = 2;

/**
 * The event after which the client is first seen connecting to endpoint 1 in vain: from the
 * failure on, a client holding endpoint 1's answer gets no reply. That is right after the failure,
 * or after the first lookup if the client only looked the name up later. Undefined when the client
 * never held endpoint 1's answer while it was down.
 */
export function inVainAfter(s: FailoverScenario, events: readonly TimelineEvent[]): TimelineEvent | undefined {
  let holdsEndpointOne = false;
  for (const event of events) {
    if (event.kind === 'switch') return undefined;
    if (event.kind === 'lookup' || event.kind === 'lookups') holdsEndpointOne = true;
    if (holdsEndpointOne && eventTime(event) >= s.fail && (event.kind === 'fail' || event.kind === 'lookup' || event.kind === 'lookups'))
      return event;
  }
  return undefined;
}

/** The lookups at resolved + n·ttl that come before the switch; they all still got endpoint 1. */
function lookupsBefore(s: FailoverScenario, switchAt: number): TimelineEvent[] {
  if (s.resolved >= switchAt) return [];
  // With TTL 0 the client asks before every connection; the lookup at `resolved` stands for them all.
  if (s.ttl === 0) return [{ kind: 'lookup', t: s.resolved }];
  const count = (switchAt - s.resolved) / s.ttl;
  if (count <= MAX_LOOKUPS) return Array.from({ length: count }, (_, i) => ({ kind: 'lookup', t: s.resolved + i * s.ttl }));
  return [
    { kind: 'lookup', t: s.resolved },
    { kind: 'lookups', from: s.resolved + s.ttl, to: switchAt - 2 * s.ttl, count: count - 2, every: s.ttl },
    { kind: 'lookup', t: switchAt - s.ttl },
  ];
}
