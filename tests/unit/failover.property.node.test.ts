import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failoverFigures, readFailoverScenario } from '../../src/model/services/traffic-manager-failover.ts';
import { eventTime, failoverTimeline, MAX_LOOKUPS } from '../../src/model/services/traffic-manager-timeline.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { failoverView } from '../../src/view/failover.ts';
import { translator } from '../../src/i18n.ts';

const MAX = 2147483647;
/** Seconds: mostly small, where the interesting coincidences happen, sometimes anywhere in range. */
const seconds = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: MAX }));

/** Any valid failover scenario, as raw URL parameters. */
const scenario = fc
  .record({ interval: fc.constantFrom(30, 10), tolerated: fc.integer({ min: 0, max: 9 }), ttl: seconds, fail: seconds, resolved: seconds })
  .chain((r) => fc.integer({ min: 5, max: r.interval === 10 ? 9 : 10 }).map((timeout) => ({ ...r, timeout })));

function read(r: Record<string, number>) {
  const result = readFailoverScenario(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
  if (!result.ok) throw new Error(`generator produced an invalid scenario: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

describe('failover model invariants (SPEC §3)', () => {
  it('switch-at ≥ degraded-at > fail', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const f = failoverFigures(read(r));
        expect(f.degradedAt).toBeGreaterThan(r.fail);
        expect(f.switchAt).toBeGreaterThanOrEqual(f.degradedAt);
      }),
      { numRuns: 500 },
    );
  });

  it('with TTL > 0 the switch is one of the lookups: switch-at − resolved is a multiple of the TTL', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        fc.pre(r.ttl > 0);
        const f = failoverFigures(read(r));
        expect((f.switchAt - r.resolved) % r.ttl).toBe(0);
        expect(f.switchAt).toBeGreaterThanOrEqual(r.resolved);
      }),
      { numRuns: 500 },
    );
  });

  // The SPEC's worst case bounds every client that looked up by degraded-at (not only by the
  // failure); a client whose first lookup comes later switches at that lookup and is not bounded.
  it('a client that looked up by degraded-at: outage ≤ worst-case, and it waits less than a TTL after Degraded', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const f = failoverFigures(read(r));
        fc.pre(r.resolved <= f.degradedAt);
        expect(f.outage).toBeLessThanOrEqual(f.worstCase);
        if (r.ttl > 0) expect(f.switchAt - f.degradedAt).toBeLessThan(r.ttl);
        else expect(f.switchAt).toBe(f.degradedAt);
      }),
      { numRuns: 500 },
    );
  });

  it('a client that first looked up after degraded-at switches at that lookup', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const f = failoverFigures(read(r));
        fc.pre(r.resolved > f.degradedAt);
        expect(f.switchAt).toBe(r.resolved);
      }),
      { numRuns: 300 },
    );
  });

  it('the worst case always exceeds the rule of thumb, by the wait for the first probe plus the timeout', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const f = failoverFigures(read(r));
        const wait = Math.ceil(r.fail / r.interval) * r.interval - r.fail;
        expect(f.worstCase - f.ruleOfThumb).toBe(wait + r.timeout);
      }),
      { numRuns: 300 },
    );
  });
});

describe('timeline invariants', () => {
  it('is in time order, with tolerated+1 probes an interval apart ending at Degraded, and the switch last', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const s = read(r);
        const f = failoverFigures(s);
        const events = failoverTimeline(s);
        const times = events.map(eventTime);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const probes = events.filter((e) => e.kind === 'probe');
        expect(probes).toHaveLength(r.tolerated + 1);
        expect(probes[0]!.t).toBeGreaterThanOrEqual(r.fail);
        expect(probes[0]!.t - r.interval).toBeLessThan(r.fail);
        probes.forEach((p, i) => expect(p.t).toBe(probes[0]!.t + i * r.interval));
        expect(probes.at(-1)!.failedAt).toBe(f.degradedAt);
        expect(events.at(-1)).toEqual({ kind: 'switch', t: f.switchAt });
        const lookups = events.filter((e) => e.kind === 'lookup' || e.kind === 'lookups');
        expect(lookups.length).toBeLessThanOrEqual(MAX_LOOKUPS);
        for (const lookup of lookups) expect(eventTime(lookup)).toBeLessThan(f.switchAt);
      }),
      { numRuns: 500 },
    );
  });

  it('the diagram shows the failure, Degraded, the switch and the outage, in both languages', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('ja' as const, 'en' as const), (r, lang) => {
        const s = read(r);
        const f = failoverFigures(s);
        const source = sequenceSource(failoverView(s, translator(lang)).diagram);
        for (const n of [r.fail, f.degradedAt, f.switchAt, f.outage]) expect(source).toContain(`${n}`);
      }),
      { numRuns: 200 },
    );
  });
});
