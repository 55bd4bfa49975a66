import { describe, expect, it } from 'vitest';
import { readPathScenario, STAGES } from '../../src/model/cross-service/paths.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { pathView } from '../../src/view/paths.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { translator, type Lang, type Translate } from '../../src/i18n.ts';
import type { ElementNode, TreeNode } from '../../src/view/tree.ts';

/**
 * Issue 32, "diagrams that never mislead": the paths drawing read as a reader reads it — the lanes'
 * labels and the arrows of the Mermaid source — against the hop table and the DNS table of the
 * same view, for every chain the page accepts (and the variants that change who translates).
 */

/** Every chain `readPathScenario` accepts with the defaults: each stage at most once, any order it allows. */
function validChains(): string[] {
  const keys = STAGES.map((stage) => stage.key);
  const found: string[] = [];
  const walk = (chain: string[]) => {
    for (const key of keys) {
      if (chain.includes(key)) continue;
      const next = [...chain, key];
      const result = readPathScenario({ chain: next.join(',') });
      if (result.ok) found.push(next.join(','));
      // A prefix refused for its order can never become valid; one missing its data stage or its next stage can.
      const refused = !result.ok && result.errors.some((e) => e.param === 'chain' && ['chain-order', 'chain-first'].includes(e.rule.code));
      if (!refused) walk(next);
    }
  };
  walk([]);
  return found;
}

const text = (node: TreeNode): string => (typeof node === 'string' ? node : node.children.map(text).join(''));

function* elements(node: TreeNode): Generator<ElementNode> {
  if (typeof node === 'string') return;
  yield node;
  for (const child of node.children) yield* elements(child);
}

const byClass = (node: ElementNode, name: string) => [...elements(node)].find((e) => e.attrs.class?.split(' ').includes(name));
const byField = (node: ElementNode, field: string) => [...elements(node)].find((e) => e.attrs['data-field'] === field);

/** Mermaid's text, as a reader sees it: entities back to characters (the diagram's escaping). */
const unescape = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const squash = (name: string) => name.replace(/\s+/g, '');

interface Lane {
  readonly name: string;
  readonly address: string;
}

interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly lines: string[];
}

/** The drawing as the Mermaid source states it: the lanes (name lines, then the address line), arrows, notes and bands. */
function readDrawing(source: string) {
  const lanes = new Map<string, Lane>();
  const arrows: (Arrow & { untaken: boolean })[] = [];
  const notes: { over: string; text: string }[] = [];
  const bands: { fill: string; label: string }[] = [];
  const lines = source.split('\n');
  lines.forEach((line, index) => {
    const lane = /^participant (p\d+) as (.*)$/.exec(line);
    if (lane) {
      const parts = lane[2]!.split('<br/>').map(unescape);
      lanes.set(lane[1]!, { name: squash(parts.slice(0, -1).join(' ')), address: parts.at(-1)! });
    }
    // `->>` a packet, `-x` a leg no packet takes (an earlier leg went elsewhere); `--` for a reply.
    const arrow = /^\s*(p\d+)--?(>>|x)(p\d+): (.*)$/.exec(line);
    if (arrow) arrows.push({ from: arrow[1]!, to: arrow[3]!, lines: arrow[4]!.split('<br/>').map(unescape), untaken: arrow[2] === 'x' });
    const note = /^\s*Note (?:over|right of) (p\d+): (.*)$/.exec(line);
    if (note) notes.push({ over: note[1]!, text: unescape(note[2]!.split('<br/>').join(' ')) });
    const band = /^\s*rect (.*)$/.exec(line);
    if (band)
      bands.push({
        fill: band[1]!,
        label: unescape(
          /: (.*)$/
            .exec(lines[index + 1]!)![1]!
            .split('<br/>')
            .join(' '),
        ),
      });
  });
  return { lanes, arrows, notes, bands };
}

/** A cell's value as the drawing must show it: the address, or the words for an undocumented one. */
const shown = (cell: ElementNode) => (cell.attrs['data-value'] === 'undocumented' ? text(cell) : cell.attrs['data-value']!);

/** The row name of a leg sent astray (path.leg.astray: `{to}, not {meant}` in English), read back. */
const astrayName = (t: Translate) => {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = literal(t('path.leg.astray', { to: '\u0000', meant: '\u0001' }))
    .replace('\u0000', '(?<to>.+?)')
    .replace('\u0001', '(?<meant>.+?)');
  return new RegExp(`^${pattern}$`, 'u');
};

function drawingAndTables(raw: RawParams, lang: Lang) {
  const result = readPathScenario(raw);
  if (!result.ok) throw new Error(`${JSON.stringify(raw)}: ${JSON.stringify(result.errors)}`);
  const t = translator(lang);
  const view = pathView(result.scenario, t);
  const root: ElementNode = { tag: 'div', attrs: {}, children: [...view.outputs] };
  const hops = [...elements(root)]
    .filter((e) => e.tag === 'tr' && e.attrs['data-hop'])
    .map((row) => {
      const [from, named] = text(byClass(row, 'atp-leg')!).split(' → ');
      // A leg a route sends elsewhere names where it goes, then whom it misses (path.leg.astray).
      const groups = astrayName(t).exec(named!)?.groups;
      const [to, meant] = groups ? [groups.to, groups.meant] : [named, undefined];
      return {
        n: row.attrs['data-hop']!,
        from: squash(from!),
        to: squash(to!),
        meant: meant === undefined ? undefined : squash(meant),
        // An end Microsoft does not document shows as text, not as the stand-in address (SPEC §11).
        src: shown(byField(row, 'src')!),
        dst: shown(byField(row, 'dst')!),
        warning: row.attrs['data-warning'] !== undefined,
        untaken: row.attrs['data-taken'] === 'no',
        // Where a route sends the leg (SPEC §14): the appliance's address, if it is one.
        appliance: /^VirtualAppliance (.*)$/.exec(byField(row, 'next-hop')?.attrs['data-value'] ?? '')?.[1],
      };
    });
  const dns = [...elements(root)]
    .filter((e) => e.tag === 'tr' && e.attrs['data-dns-step'])
    .map((row) => ({
      query: byField(row, 'query')!.attrs['data-value']!,
      // The table's note says when the endpoint name's own zone answers, not Traffic Manager.
      byZone: text(byClass(row, 'atp-note')!) === t('dnsNote.address'),
    }));
  return { drawing: readDrawing(sequenceSource(view.diagram)), hops, dns, t };
}

const CHAINS = validChains();
/** Variants that change who translates what: an application rule on the routed firewall, TCP Proxy v2. */
const SCENARIOS: RawParams[] = [
  ...CHAINS.map((chain) => ({ chain })),
  { chain: 'agw,fwr', fwrule: 'app' },
  { chain: 'pls,lb', proxy: '1' },
  // Routes that send a leg elsewhere (SPEC §14): around the firewall, to an appliance outside the chain.
  { chain: 'agw,fwr', routes: 'agw:10.0.1.0/24=10.0.2.4' },
  { chain: 'lb', routes: 'backend:0.0.0.0/0=10.0.5.4' },
  { chain: 'fd,agw', routes: 'agw:0.0.0.0/0=10.0.2.4' },
];

describe('the paths drawing agrees with its tables, for every valid chain', () => {
  it('enumerates the chains the page accepts, the presets among them', () => {
    for (const preset of ['fd,agw', 'fw,agw', 'tm,agw', 'fd,lb', 'agw,lb', 'pls,lb', 'fd,pls,lb', 'agw,fwr', 'tm,fd,fw,agw,lb']) {
      expect(CHAINS).toContain(preset);
    }
  });

  describe.each(['ja', 'en'] as const)('%s', (lang) => {
    it.each(SCENARIOS.map((raw) => [new URLSearchParams(raw as Record<string, string>).toString(), raw] as const))('%s', (_, raw) => {
      const { drawing, hops, dns } = drawingAndTables(raw, lang);
      const lanes = [...drawing.lanes.values()];
      // No two lanes with one address: each lane is one device.
      expect(new Set(lanes.map((lane) => lane.address)).size).toBe(lanes.length);
      // Every leg of the table is one arrow, between the lanes its row names, carrying its values.
      const legArrows = drawing.arrows.filter((arrow) => /\(\d+\) /.test(arrow.lines[0]!));
      expect(legArrows).toHaveLength(hops.length);
      for (const hop of hops) {
        const arrow = legArrows.find((a) => new RegExp(`^(⚠ )?\\(${hop.n}\\) `).test(a.lines[0]!))!;
        expect(arrow, `leg ${hop.n}`).toBeDefined();
        const [from, to] = [drawing.lanes.get(arrow.from)!, drawing.lanes.get(arrow.to)!];
        // A leg a route sends astray carries a warning, and its row and arrow both name where it
        // really goes (the appliance its route names, or past a device reached by route), and its
        // row whom it misses.
        expect([from.name, to.name], `leg ${hop.n}`).toEqual([hop.from, hop.to]);
        if (hop.meant !== undefined) {
          expect(hop.warning, `leg ${hop.n} astray`).toBe(true);
          expect(lanes.map((lane) => lane.name)).toContain(hop.meant);
          if (to.name.startsWith('Appliance')) expect(to.address).toBe(hop.appliance);
        }
        expect(arrow.lines.join(' ')).toContain(hop.src);
        expect(arrow.lines.join(' ')).toContain(hop.dst);
        // A warning marks its leg in the drawing as in the table, and so does a leg not taken.
        expect(arrow.lines[0]!.startsWith('⚠'), `leg ${hop.n} warning`).toBe(hop.warning);
        expect(arrow.untaken, `leg ${hop.n} not taken`).toBe(hop.untaken);
      }
      // A DNS question goes to Traffic Manager's lane only if Traffic Manager answers it.
      const tmLane = [...drawing.lanes].find(([, lane]) => lane.name === 'TrafficManager')?.[0];
      for (const step of dns) {
        const asked = drawing.arrows.filter((a) => a.to === tmLane && a.lines.some((line) => line === step.query));
        expect(asked, step.query).toHaveLength(step.byZone ? 0 : 1);
        if (step.byZone) expect(drawing.notes.some((note) => note.text.includes(step.query))).toBe(true);
      }
    });
  });

  it('gives the request, the reply and DNS one colour each, the same in every chain', () => {
    const fills = new Map<string, Set<string>>();
    for (const chain of CHAINS) {
      const { drawing, t } = drawingAndTables({ chain }, 'en');
      for (const band of drawing.bands) {
        const role = [t('diagram.path.dns'), t('diagram.path.request'), t('diagram.path.reply')].indexOf(band.label);
        fills.set(String(role), (fills.get(String(role)) ?? new Set()).add(band.fill));
      }
    }
    expect([...fills.keys()].sort()).toEqual(['0', '1', '2']);
    for (const set of fills.values()) expect(set.size).toBe(1);
    expect(new Set([...fills.values()].map((set) => [...set][0])).size).toBe(3);
  });
});

// Golden lanes, by hand from SPEC §9, §11 and §14 with the defaults: the routed firewall is addressed
// by nobody, so its lane shows its private IP (fwpriv, 10.0.2.4: the next hop the routes name), not the
// backend's 10.0.1.4 nor AzureFirewallSubnet's range.
describe('lanes by hand', () => {
  it.each([
    [
      'agw,fwr',
      [
        ['Client', '203.0.113.10'],
        ['ApplicationGateway', '198.51.100.20'],
        ['AzureFirewall(byroute)', '10.0.2.4'],
        ['Backend', '10.0.1.4'],
      ],
    ],
    // The Private Link service's own address is its NAT IP (plsnat, 10.0.3.4), the source its backends
    // see; the private endpoint (pe, 10.1.0.5) the packets are addressed to sits in the consumer's network.
    [
      'fd,pls,lb',
      [
        ['Client', '203.0.113.10'],
        ['FrontDoor', '198.51.100.50'],
        ['PrivateLinkservice', '10.0.3.4'],
        ['LoadBalancer', '10.0.1.100'],
        ['Backend', '10.0.1.4'],
      ],
    ],
    [
      'tm,fd,fw,agw,lb',
      [
        ['Client', '203.0.113.10'],
        ['TrafficManager', 'test.trafficmanager.net'],
        ['FrontDoor', '198.51.100.30'],
        ['AzureFirewall', '198.51.100.70'],
        ['ApplicationGateway', '10.0.0.10'],
        ['LoadBalancer', '10.0.1.100'],
        ['Backend', '10.0.1.4'],
      ],
    ],
  ])('%s', (chain, expected) => {
    const { drawing } = drawingAndTables({ chain }, 'en');
    expect([...drawing.lanes.values()].map((lane) => [lane.name, lane.address])).toEqual(expected);
  });

  it('tm,fd,fw,agw,lb: Traffic Manager answers the first question only; the zone answers the second', () => {
    const { drawing } = drawingAndTables({ chain: 'tm,fd,fw,agw,lb' }, 'en');
    const toOrFromTm = drawing.arrows.filter((a) => a.from === 'p1' || a.to === 'p1');
    expect(toOrFromTm.map((a) => a.lines)).toEqual([
      ['(DNS 1) query', 'test.trafficmanager.net'],
      ['CNAME', 'region1.example.com'],
    ]);
    const zone = drawing.notes.find((note) => note.text.includes('(DNS 2)'));
    expect(zone?.over).toBe('p0');
    expect(zone?.text).toContain('region1.example.com → A 198.51.100.30');
  });
});
