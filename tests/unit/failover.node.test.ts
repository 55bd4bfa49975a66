import { describe, expect, it } from 'vitest';
import { failoverFigures, readFailoverScenario, type FailoverScenario } from '../../src/model/services/traffic-manager-failover.ts';
import { failoverTimeline, inVainAfter, type TimelineEvent } from '../../src/model/services/traffic-manager-timeline.ts';
import type { RawParams } from '../../src/model/shared/params.ts';

function scenario(raw: RawParams): FailoverScenario {
  const result = readFailoverScenario(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

type Figures = [degradedAt: number, switchAt: number, outage: number, worstCase: number, ruleOfThumb: number];

// Golden figures, worked out by hand from SPEC §3. Unless a case says otherwise: fail 45,
// resolved 0, TTL 60, interval 30, tolerated 3, timeout 10. Rule of thumb = TTL + tolerated × I.
describe.each<{ name: string; raw: RawParams; expected: Figures }>([
  {
    // Probes at 0, 30, 60: the first at or after 45 is 60. Degraded = 60 + 3·30 + 10 = 160.
    // Lookups at 0, 60, 120, 180: the first at or after 160 is 180. Outage 180 − 45 = 135.
    // Worst case 160 − 45 + 60 = 175. Rule 60 + 3·30 = 150.
    name: 'the guide default scenario',
    raw: {},
    expected: [160, 180, 135, 175, 150],
  },
  {
    // Failure exactly on a probe time: the probe at 60 already fails (t ≥ fail). Degraded 60 + 90 + 10 = 160.
    // Switch 180; outage 180 − 60 = 120; worst 160 − 60 + 60 = 160.
    name: 'a failure exactly at a probe time',
    raw: { fail: '60' },
    expected: [160, 180, 120, 160, 150],
  },
  {
    // Tolerated 0: the first failed probe (60) decides. Degraded 60 + 0 + 10 = 70.
    // Lookups 0, 60, 120: first ≥ 70 is 120. Outage 75; worst 70 − 45 + 60 = 85; rule 60 + 0 = 60.
    name: 'tolerated 0',
    raw: { tolerated: '0' },
    expected: [70, 120, 75, 85, 60],
  },
  {
    // TTL 0: nothing cached, the client switches at degraded-at: max(0, 160) = 160.
    // Outage 160 − 45 = 115; worst 160 − 45 + 0 = 115; rule 0 + 90 = 90.
    name: 'TTL 0',
    raw: { ttl: '0' },
    expected: [160, 160, 115, 115, 90],
  },
  {
    // Fast probing: probes at 0, 10, …, 50; first ≥ 45 is 50. Degraded 50 + 3·10 + 9 = 89.
    // Lookups 0, 60, 120: first ≥ 89 is 120. Outage 75; worst 89 − 45 + 60 = 104; rule 60 + 30 = 90.
    name: 'interval 10 with timeout 9',
    raw: { interval: '10', timeout: '9' },
    expected: [89, 120, 75, 104, 90],
  },
  {
    // Resolved at 130, after the failure but before Degraded (160): it got the dead endpoint 1
    // and keeps it. Lookups 130, 190: first ≥ 160 is 190. Outage 190 − 45 = 145; worst 175.
    name: 'resolved after the failure, before Degraded',
    raw: { resolved: '130' },
    expected: [160, 190, 145, 175, 150],
  },
  {
    // Resolved at 100: lookups 100, 160; 160 ≥ 160, so it switches the very second Degraded lands.
    name: 'resolved after the failure, next lookup exactly at Degraded',
    raw: { resolved: '100' },
    expected: [160, 160, 115, 175, 150],
  },
  {
    // Resolved at 300, after Degraded (160): that lookup already returns endpoint 2, switch 300.
    // Outage 300 − 45 = 255 exceeds the worst case 175: the worst case bounds clients that looked
    // up by degraded-at, not this one.
    name: 'resolved after Degraded',
    raw: { resolved: '300' },
    expected: [160, 300, 255, 175, 150],
  },
  {
    // Resolved exactly at Degraded: the lookup at 160 is already answered with endpoint 2.
    name: 'resolved exactly at Degraded',
    raw: { resolved: '160' },
    expected: [160, 160, 115, 175, 150],
  },
  {
    // TTL 3600: lookups 0, 3600: first ≥ 160 is 3600. Outage 3555; worst 160 − 45 + 3600 = 3715; rule 3690.
    name: 'a large TTL',
    raw: { ttl: '3600' },
    expected: [160, 3600, 3555, 3715, 3690],
  },
  {
    // The largest TTL: lookups 0, 2147483647. Outage 2147483647 − 45 = 2147483602;
    // worst 160 − 45 + 2147483647 = 2147483762; rule 2147483647 + 90 = 2147483737.
    name: 'the largest TTL',
    raw: { ttl: '2147483647' },
    expected: [160, 2147483647, 2147483602, 2147483762, 2147483737],
  },
  {
    // Fail 0: the probe at 0 already fails. Degraded 0 + 90 + 10 = 100. Lookups 0, 60, 120: 120.
    // Outage 120; worst 100 − 0 + 60 = 160.
    name: 'fail 0',
    raw: { fail: '0' },
    expected: [100, 120, 120, 160, 150],
  },
  {
    // I 10, tolerated 9, timeout 5, fail 1, TTL 30, resolved 7: first probe ≥ 1 is 10.
    // Degraded 10 + 9·10 + 5 = 105. Lookups 7, 37, 67, 97, 127: 127. Outage 126;
    // worst 105 − 1 + 30 = 134; rule 30 + 90 = 120.
    name: 'most tolerated failures with fast probing and an odd lookup time',
    raw: { interval: '10', tolerated: '9', timeout: '5', fail: '1', ttl: '30', resolved: '7' },
    expected: [105, 127, 126, 134, 120],
  },
])('failover figures: $name', ({ raw, expected }) => {
  it('match the golden values', () => {
    const f = failoverFigures(scenario(raw));
    expect([f.degradedAt, f.switchAt, f.outage, f.worstCase, f.ruleOfThumb]).toEqual(expected);
  });
});

const lookup = (t: number): TimelineEvent => ({ kind: 'lookup', t });
const probe = (t: number, n: number, of: number, failedAt: number): TimelineEvent => ({ kind: 'probe', t, n, of, failedAt });

// Golden timelines, by hand from the same rules: probes from the first failing one up to
// Degraded, each lookup before the switch (long runs folded), and the switch.
describe.each<{ name: string; raw: RawParams; expected: TimelineEvent[] }>([
  {
    name: 'the guide default scenario',
    raw: {},
    expected: [
      lookup(0),
      { kind: 'fail', t: 45 },
      probe(60, 1, 4, 70),
      lookup(60),
      probe(90, 2, 4, 100),
      probe(120, 3, 4, 130),
      lookup(120),
      probe(150, 4, 4, 160),
      { kind: 'degraded', t: 160 },
      { kind: 'switch', t: 180 },
    ],
  },
  {
    // At second 60 the failure, the probe and the lookup coincide: failure, then probe, then lookup.
    name: 'a failure, a probe and a lookup in the same second',
    raw: { fail: '60' },
    expected: [
      lookup(0),
      { kind: 'fail', t: 60 },
      probe(60, 1, 4, 70),
      lookup(60),
      probe(90, 2, 4, 100),
      probe(120, 3, 4, 130),
      lookup(120),
      probe(150, 4, 4, 160),
      { kind: 'degraded', t: 160 },
      { kind: 'switch', t: 180 },
    ],
  },
  {
    // TTL 10: lookups 0, 10, …, 150 before the switch at 160 (16 of them): the first and last
    // stay, the 14 between (10 … 140) fold into one event.
    name: 'many lookups fold',
    raw: { ttl: '10' },
    expected: [
      lookup(0),
      { kind: 'lookups', from: 10, to: 140, count: 14, every: 10 },
      { kind: 'fail', t: 45 },
      probe(60, 1, 4, 70),
      probe(90, 2, 4, 100),
      probe(120, 3, 4, 130),
      probe(150, 4, 4, 160),
      lookup(150),
      { kind: 'degraded', t: 160 },
      { kind: 'switch', t: 160 },
    ],
  },
  {
    name: 'TTL 0: one lookup stands for all, the switch lands on Degraded',
    raw: { ttl: '0', tolerated: '0' },
    expected: [lookup(0), { kind: 'fail', t: 45 }, probe(60, 1, 1, 70), { kind: 'degraded', t: 70 }, { kind: 'switch', t: 70 }],
  },
  {
    name: 'resolved after Degraded: no lookup of endpoint 1 at all',
    raw: { resolved: '300', tolerated: '1' },
    expected: [
      { kind: 'fail', t: 45 },
      probe(60, 1, 2, 70),
      probe(90, 2, 2, 100),
      { kind: 'degraded', t: 100 },
      { kind: 'switch', t: 300 },
    ],
  },
])('failover timeline: $name', ({ raw, expected }) => {
  it('matches the golden timeline', () => {
    expect(failoverTimeline(scenario(raw))).toEqual(expected);
  });
});

// When the diagram first shows the client connecting to endpoint 1 in vain (worked out by hand).
describe.each<{ name: string; raw: RawParams; expected: TimelineEvent | undefined }>([
  // Looked up at 0 and holding endpoint 1 when it fails at 45: right after the failure.
  { name: 'defaults: right after the failure', raw: {}, expected: { kind: 'fail', t: 45 } },
  // First lookup at 50, after the failure at 45 (Degraded only at 160): after that lookup.
  { name: 'first lookup after the failure: after that lookup', raw: { resolved: '50' }, expected: { kind: 'lookup', t: 50 } },
  // The client first asks at 300, after Degraded (100): it never holds endpoint 1's answer.
  { name: 'first lookup after Degraded: never', raw: { resolved: '300', tolerated: '1' }, expected: undefined },
])('failover in-vain connection: $name', ({ raw, expected }) => {
  it('follows the event the model names', () => {
    const s = scenario(raw);
    expect(inVainAfter(s, failoverTimeline(s))).toEqual(expected);
  });
});

// Every failover parameter, each with values that must be refused, and the rule each breaks.
describe.each<{ param: string; value: string; rule: string }>([
  { param: 'ttl', value: '2147483648', rule: 'int' },
  { param: 'ttl', value: '-1', rule: 'int' },
  { param: 'ttl', value: '60s', rule: 'int' },
  { param: 'ttl', value: '', rule: 'int' },
  { param: 'interval', value: '20', rule: 'enum' },
  { param: 'interval', value: '30s', rule: 'enum' },
  { param: 'interval', value: '030', rule: 'enum' },
  { param: 'tolerated', value: '10', rule: 'int' },
  { param: 'tolerated', value: '-1', rule: 'int' },
  { param: 'timeout', value: '4', rule: 'int' },
  { param: 'timeout', value: '11', rule: 'int' },
  // On the failover explorer a failure time is required: "none" is only for the TM explorer.
  { param: 'fail', value: '', rule: 'int' },
  { param: 'fail', value: 'none', rule: 'int' },
  { param: 'fail', value: '2147483648', rule: 'int' },
  { param: 'resolved', value: '-5', rule: 'int' },
  { param: 'resolved', value: '<img src=x onerror=alert(1)>', rule: 'int' },
])('invalid failover $param=$value', ({ param, value, rule }) => {
  it(`is refused with rule "${rule}" at ${param}`, () => {
    const result = readFailoverScenario({ [param]: value });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([[param, rule]]);
  });
});

describe('cross-field: fast probing allows a timeout of at most 9 s', () => {
  it('refuses timeout 10 at interval 10, at timeout', () => {
    const result = readFailoverScenario({ interval: '10', timeout: '10' });
    expect(result.ok ? [] : result.errors).toEqual([
      { param: 'timeout', rule: { code: 'at-most-when', max: 9, other: 'interval', value: '10' } },
    ]);
  });
  it('accepts timeout 10 at interval 30 and timeout 9 at interval 10', () => {
    expect(readFailoverScenario({ interval: '30', timeout: '10' }).ok).toBe(true);
    expect(readFailoverScenario({ interval: '10', timeout: '9' }).ok).toBe(true);
  });
});
