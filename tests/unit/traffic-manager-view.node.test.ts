import { describe, expect, it } from 'vitest';
import { explorerFor, explorers, labelKey, type ExplorerKind } from '../../src/explorers.ts';
import { translator, uiKey, type Lang } from '../../src/i18n.ts';
import { defaultParams, type ParamError, type Rule } from '../../src/model/shared/params.ts';
import { readFailoverScenario } from '../../src/model/services/traffic-manager-failover.ts';
import { readTrafficManagerScenario } from '../../src/model/services/traffic-manager.ts';
import { errorMessage } from '../../src/view/errors.ts';
import { failoverComparison, type Variant } from '../../src/view/failover-compare.ts';
import { failoverView } from '../../src/view/failover.ts';
import { trafficManagerView } from '../../src/view/traffic-manager.ts';
import { toHtml } from '../../src/view/tree.ts';

const LANGS: Lang[] = ['ja', 'en'];

function html(kind: 'traffic-manager' | 'failover', raw: Record<string, string>, lang: Lang): string {
  const t = translator(lang);
  if (kind === 'failover') {
    const result = readFailoverScenario(raw);
    if (!result.ok) throw new Error('invalid');
    return failoverView(result.scenario, t).outputs.map(toHtml).join('');
  }
  const result = readTrafficManagerScenario(raw);
  if (!result.ok) throw new Error('invalid');
  return trafficManagerView(result.scenario, t).outputs.map(toHtml).join('');
}

/** [data-field, data-value, text] of every field cell in an HTML string. */
function fields(source: string): [string, string, string][] {
  return [...source.matchAll(/<(\w+)(?: data-label="[^"]*")? data-field="([^"]+)" data-value="([^"]*)">(.*?)<\/\1>/g)].map((m) => [
    m[2]!,
    m[3]!,
    m[4]!.replace(/<[^>]+>/g, ''),
  ]);
}

describe.each(LANGS)('Traffic Manager outputs (%s)', (lang) => {
  it('DNS rows carry the raw query and answer; hop rows the raw tuples (SPEC §4)', () => {
    const out = html('traffic-manager', {}, lang);
    expect(out).toContain('data-dns-step="1"');
    expect(out).toContain('data-dns-step="2"');
    expect(fields(out)).toEqual([
      ['query', 'test.trafficmanager.net', 'test.trafficmanager.net'],
      ['answer', 'CNAME test01.japaneast.cloudapp.azure.com', 'CNAME test01.japaneast.cloudapp.azure.com'],
      ['query', 'test01.japaneast.cloudapp.azure.com', 'test01.japaneast.cloudapp.azure.com'],
      ['answer', 'A 198.51.100.30', 'A 198.51.100.30'],
      ['src', '203.0.113.10:50000', '203.0.113.10:50000'],
      ['dst', '198.51.100.30:443', '198.51.100.30:443'],
      ['src', '198.51.100.30:443', '198.51.100.30:443'],
      ['dst', '203.0.113.10:50000', '203.0.113.10:50000'],
    ]);
  });
});

// Defaults: degraded-at 160, switch-at 180, outage 135, worst case 175; rule of thumb 60 + 3 × 30 = 150.
describe.each<{ lang: Lang; unit: (n: number) => string }>([
  // A no-break space keeps the number with its unit on one line.
  { lang: 'ja', unit: (n) => `${n}\u00a0秒` },
  { lang: 'en', unit: (n) => `${n}\u00a0s` },
])('failover outputs ($lang)', ({ lang, unit }) => {
  it('show the four figures and the rule of thumb as raw seconds with localised text', () => {
    expect(fields(html('failover', {}, lang))).toEqual([
      ['degraded-at', '160', unit(160)],
      ['switch-at', '180', unit(180)],
      ['outage', '135', unit(135)],
      ['worst-case', '175', unit(175)],
      ['rule-of-thumb', '150', unit(150)],
    ]);
  });
});

describe('failover comparison table', () => {
  // Base TTL 300, fail 45, resolved 0, I 30, tolerated 3, timeout 10 — by hand:
  //   base:        degraded 60+90+10 = 160; lookups 0, 300 → 300; outage 255; worst 160−45+300 = 415
  //   ttl 60:      160; 180; 135; 175
  //   fast probing (I 10, timeout 9): first probe 50; 50+30+9 = 89; still 300; 255; 89−45+300 = 344
  //   tolerated 1: 60+30+10 = 100; 300; 255; 100−45+300 = 355
  //   combined (TTL 10, I 10, timeout 5, tolerated 1): 50+10+5 = 65; lookups 0,10,…,70 → 70; 25; 65−45+10 = 30
  const variants: Variant[] = [
    { id: 'ttl-60', change: { ttl: '60' } },
    { id: 'fast-probing', change: { interval: '10', timeout: '9' } },
    { id: 'tolerated-1', change: { tolerated: '1' } },
    { id: 'combined', change: { ttl: '10', interval: '10', timeout: '5', tolerated: '1' } },
  ];
  const golden: Record<string, number[]> = {
    base: [160, 300, 255, 415],
    'ttl-60': [160, 180, 135, 175],
    'fast-probing': [89, 300, 255, 344],
    'tolerated-1': [100, 300, 255, 355],
    combined: [65, 70, 25, 30],
  };

  it.each(LANGS)('computes every row from the engine (%s)', (lang) => {
    const out = toHtml(failoverComparison({ ttl: '300' }, variants, translator(lang)));
    const rows = [...out.matchAll(/<tr data-variant="([^"]+)">(.*?)<\/tr>/g)];
    expect(Object.fromEntries(rows.map(([, id, row]) => [id, fields(row!).map(([, value]) => Number(value))]))).toEqual(golden);
  });

  it('labels a change by field name and option label', () => {
    const out = toHtml(failoverComparison({}, [{ id: 'fast', change: { interval: '10', timeout: '9' } }], translator('en')));
    expect(out).toContain('Probing interval: 10 s (fast probing), Probe timeout (seconds): 9');
  });

  it('refuses an invalid variant, naming it', () => {
    expect(() => failoverComparison({}, [{ id: 'bad', change: { interval: '10' } }], translator('en'))).toThrow(
      /variant "bad".*Probe timeout/,
    );
  });
});

describe('explorer registry and strings', () => {
  const kinds = Object.keys(explorers) as ExplorerKind[];

  it.each(kinds)('%s: every parameter has a form control, so an edit never drops part of the scenario', (kind) => {
    const definition = explorerFor(kind);
    expect(definition.controls.map((c) => c.name).sort()).toEqual(Object.keys(definition.params).sort());
  });

  it.each(kinds.flatMap((kind) => LANGS.map((lang) => [kind, lang] as const)))(
    '%s (%s): heading, labels and options are translated',
    (kind, lang) => {
      const t = translator(lang);
      const definition = explorerFor(kind);
      expect(t(uiKey(`explorer.${kind}.heading`))).not.toBe('');
      for (const control of definition.controls) {
        expect(t(uiKey(labelKey(definition, control.name)))).not.toBe('');
        if (control.type === 'select')
          for (const option of control.options) expect(t(uiKey(`field.${control.name}.${option}`))).not.toBe('');
      }
    },
  );

  it.each(kinds)('%s: the defaults are a valid scenario', (kind) => {
    const definition = explorerFor(kind);
    expect(definition.read(defaultParams(definition.params)).ok).toBe(true);
  });

  it("names Traffic Manager's port as the endpoints' port, and keeps the Load Balancer's label", () => {
    expect(labelKey(explorerFor('traffic-manager'), 'port')).toBe('field.endpoint-port');
    expect(labelKey(explorerFor('load-balancer'), 'port')).toBe('field.port');
    const error: ParamError = { param: 'port', rule: { code: 'int', min: 1, max: 65535 } };
    expect(errorMessage(error, translator('en'), 'field.endpoint-port')).toBe('Endpoint port: enter a whole number from 1 to 65535.');
    expect(errorMessage(error, translator('en'))).toBe('Frontend port: enter a whole number from 1 to 65535.');
  });

  it.each(LANGS)('has a message for the new rules (%s)', (lang) => {
    const rules: Rule[] = [
      { code: 'at-most-when', max: 9, other: 'interval', value: '10' },
      { code: 'fallback', other: 'endpoints' },
      { code: 'dns-name' },
      { code: 'endpoint-list', min: 1, max: 10 },
      { code: 'endpoint-item', index: 2 },
    ];
    for (const rule of rules) expect(errorMessage({ param: 'timeout', rule }, translator(lang))).not.toMatch(/\{\w+\}/);
  });
});
