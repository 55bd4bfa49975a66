/**
 * Issue 30's fourth pass outside the outbound pages: answers that were wrong or half right. Every
 * expected value is worked out by hand from Learn's rules quoted beside it.
 */
import { describe, expect, it } from 'vitest';
import { explorerFor } from '../../src/explorers.ts';
import { translator, type Lang } from '../../src/i18n.ts';
import { pathLegs, readPathScenario, type PathScenario } from '../../src/model/cross-service/paths.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import type { ExplorerView } from '../../src/view/explorer.ts';
import { toHtml, type ElementNode, type TreeNode } from '../../src/view/tree.ts';
import { compareTable } from '../../src/view/compare.ts';
import { errorMessage } from '../../src/view/errors.ts';

const explorerMatrix = () => compareTable(translator('en'));

/** An explorer's view for a scenario that must be valid. */
function view(kind: string, raw: RawParams, lang: Lang = 'en'): ExplorerView {
  const definition = explorerFor(kind);
  const result = definition.read(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return definition.view(result.scenario, translator(lang));
}

/** Every element of the view's outputs, depth first. */
function elements(nodes: readonly TreeNode[]): ElementNode[] {
  return nodes.flatMap((node) => (typeof node === 'string' ? [] : [node, ...elements(node.children)]));
}

const text = (node: TreeNode): string => (typeof node === 'string' ? node : node.children.map(text).join(''));

function path(raw: RawParams): PathScenario {
  const result = readPathScenario(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

// Learn (load-balancer components, Limitations; troubleshoot-backend-traffic): a backend's flow to
// its own internal frontend fails when it is mapped back to itself; it works when it lands on
// another backend. Destination NAT keeps the source, so hop 2 goes from the VM to the VM.
describe('a backend calling its own internal Load Balancer frontend (hairpin)', () => {
  it.each<{ name: string; raw: RawParams; state: string; leg: string | null; odds: string }>([
    {
      name: 'one backend, the caller: every flow fails',
      raw: { client: '10.0.1.4', lbip: '10.0.1.100', backends: '10.0.1.4' },
      state: 'fails',
      leg: '2',
      odds: 'every connection',
    },
    {
      name: 'two backends, mapped back to the caller',
      raw: { client: '10.0.1.4', lbip: '10.0.1.100' },
      state: 'fails',
      leg: '2',
      odds: 'about 1 in 2',
    },
    {
      name: 'four backends, mapped to another one',
      raw: { client: '10.0.1.4', lbip: '10.0.1.100', backends: '10.0.1.4,10.0.1.5,10.0.1.6,10.0.1.7', pick: '3' },
      state: 'warning',
      leg: null,
      odds: 'about 1 in 4',
    },
  ])('$name', ({ raw, state, leg, odds }) => {
    const v = view('load-balancer', raw);
    expect(v.verdict?.state).toBe(state);
    const all = elements(v.outputs);
    const callout = all.find((node) => node.attrs['data-warning'] === 'hairpin' && node.tag === 'p');
    expect(callout).toBeDefined();
    expect(text(callout!)).toContain(odds);
    expect(text(callout!)).toContain('proxy layer');
    const rows = all.filter((node) => node.tag === 'tr' && node.attrs['data-warning'] === 'hairpin').map((node) => node.attrs['data-hop']);
    expect(rows).toEqual(leg ? [leg] : []);
  });

  it('a client outside the backend pool is no hairpin', () => {
    const v = view('load-balancer', {});
    expect(v.verdict?.state).toBe('ok');
    expect(toHtml({ tag: 'div', attrs: {}, children: [...v.outputs] })).not.toContain('data-warning');
  });

  it.each<{ name: string; raw: RawParams; key: string; leg: number }>([
    // chain lb: legs 1 client→lb, 2 lb→backend. The warning sits on leg 2, the flow delivered to itself.
    { name: 'paths, mapped back to the caller', raw: { chain: 'lb', client: '10.0.1.4', lbip: '10.0.1.100' }, key: 'hairpin', leg: 2 },
    {
      name: 'paths, mapped to another backend',
      raw: { chain: 'lb', client: '10.0.1.4', lbip: '10.0.1.100', pick: '2' },
      key: 'hairpin-chance',
      leg: 2,
    },
  ])('$name', ({ raw, key, leg }) => {
    expect(pathLegs(path(raw)).warnings.map((w) => [w.key, w.leg])).toEqual([[key, leg]]);
  });

  it('paths: a client outside the pool gets no hairpin warning', () => {
    expect(pathLegs(path({ chain: 'lb' })).warnings).toEqual([]);
  });

  // Learn: a public Load Balancer avoids the hairpin (through outbound SNAT); only an internal frontend is flagged.
  it('a backend calling a public frontend is no hairpin', () => {
    expect(view('load-balancer', { client: '10.0.1.4' }).verdict?.state).toBe('ok');
    expect(pathLegs(path({ chain: 'lb', client: '10.0.1.4' })).warnings).toEqual([]);
  });
});

// IP flow verify checks a VM's network interface (ip-flow-verify-overview); its local and remote
// addresses are IPv4 only (REST API, Verify IP Flow). Local is the VM's own address.
describe('the IP flow verify command', () => {
  const commandOf = (raw: RawParams) => {
    const cell = elements(view('path', raw).outputs).find((node) => node.attrs['data-field'] === 'verify');
    return cell?.attrs['data-value'];
  };

  it('agw,lb with Floating IP: --local is the VM (10.0.1.4), not the frontend the packet is addressed to', () => {
    // Leg 3 lb → backend: source the instance 10.0.0.4:20000, destination 10.0.1.100:443 (Floating IP keeps the frontend).
    expect(pathLegs(path({ chain: 'agw,lb', floating: '1' })).verify.map((c) => [c.local.ip.text, c.local.port, c.runs])).toEqual([
      ['10.0.1.4', 443, true],
    ]);
    expect(commandOf({ chain: 'agw,lb', floating: '1' })).toContain('--local 10.0.1.4:443 ');
  });

  it('an IPv6 client and backends: no command, a sentence that IP flow verify takes IPv4 only', () => {
    const raw = { chain: 'lb', client: '2001:db8::10', lbip: '2001:db8::100', backends: '2001:db8:1::4,2001:db8:1::5' };
    expect(pathLegs(path(raw)).verify.map((c) => c.runs)).toEqual([false]);
    expect(commandOf(raw)).toBe('ipv4-only');
    const html = toHtml({ tag: 'div', attrs: {}, children: [...view('path', raw).outputs] });
    expect(html).not.toContain('az network watcher');
    expect(html).toContain('IPv4 addresses only');
  });

  it('Application Gateway toward a public backend: no check, and a sentence why', () => {
    const raw = { chain: 'agw', backends: '198.51.100.80' };
    expect(pathLegs(path(raw)).verify).toEqual([]);
    const note = elements(view('path', raw).outputs).find((node) => node.attrs['data-verify'] === 'none');
    expect(text(note!)).toContain('not the network interface of a VM');
  });

  it('the note says what the check needs', () => {
    const html = toHtml({ tag: 'div', attrs: {}, children: [...view('path', { chain: 'agw' }).outputs] });
    expect(html).toContain('Network Watcher in the VM’s subscription and region');
    expect(html).toContain('NSG diagnostics');
  });
});

// How an application gateway works: toward a public backend the gateway uses its frontend public IP.
describe('Application Gateway toward a public backend', () => {
  it('hop 3 says the backend answers the frontend public IP, not an instance', () => {
    for (const lang of ['en', 'ja'] as const) {
      const t = translator(lang);
      const rows = elements(view('application-gateway', { backends: '198.51.100.80' }, lang).outputs).filter(
        (n) => n.attrs['data-hop'] === '3',
      );
      expect(text(rows[0]!)).toContain(t('hopNote.proxy-reply-public'));
      expect(text(rows[0]!)).not.toContain(t('hopNote.proxy-reply'));
    }
  });

  it('the index matrix cell names the public-backend case', () => {
    const cell = elements([explorerMatrix()]).find(
      (n) => n.attrs['data-field'] === 'source-at-backend' && n.attrs['data-service'] === 'application-gateway',
    );
    expect(text(cell!)).toContain('public backend');
  });
});

// Private Link (private-link-service-overview; frontdoor/private-link).
describe('Private Link', () => {
  it('fd,pls,lb: Front Door reaches the private endpoint from its managed network, from no documented address', () => {
    const v = view('path', { chain: 'fd,pls,lb', proxy: '1' });
    const leg2 = elements(v.outputs).find((n) => n.tag === 'tr' && n.attrs['data-hop'] === '2')!;
    const src = elements([leg2]).find((n) => n.attrs['data-field'] === 'src')!;
    expect(src.attrs['data-value']).toBe('undocumented');
    expect(text(leg2)).not.toContain('192.0.2.50');
    // The reply into Front Door's network (leg 7) has the same unknown address as its destination.
    const leg7 = elements(v.outputs).find((n) => n.tag === 'tr' && n.attrs['data-hop'] === '7')!;
    expect(elements([leg7]).find((n) => n.attrs['data-field'] === 'dst')!.attrs['data-value']).toBe('undocumented');
    // Neither the header's source nor any diagram label shows the edge's public address.
    expect(pathLegs(path({ chain: 'fd,pls,lb', proxy: '1' })).proxy).toEqual({ source: null, linkId: 1234567 });
    const header = elements(v.outputs).find((n) => n.attrs['data-field'] === 'proxy-header')!;
    expect(header.attrs['data-value']).toBe('undocumented linkid=1234567');
    const labels = v.diagram.steps
      .flatMap((step) => ('steps' in step ? step.steps : [step]))
      .flatMap((step) => ('text' in step ? step.text : []));
    expect(labels.join(' ')).not.toContain('192.0.2.50');
  });

  it('pls,lb with TCP Proxy v2: the header shows the consumer and LinkID, and says its destination is not documented', () => {
    const v = view('path', { chain: 'pls,lb', client: '10.1.0.10', proxy: '1' });
    const header = elements(v.outputs).find((n) => n.attrs['data-field'] === 'proxy-header')!;
    expect(header.attrs['data-value']).toBe('10.1.0.10:50000 linkid=1234567');
    expect(text(header)).toContain('destination address: not documented');
  });

  it.each<{ client: string; warned: boolean }>([
    { client: '203.0.113.10', warned: true },
    { client: '10.1.0.10', warned: false },
  ])('pls first with consumer $client: warned that a consumer is private = $warned', ({ client, warned }) => {
    const keys = pathLegs(path({ chain: 'pls,lb', client })).warnings.map((w) => [w.key, w.leg]);
    expect(keys).toEqual(warned ? [['public-consumer', 1]] : []);
  });

  it('the paths page gives the idle timeout, the probes that carry the header and the private consumer in its presets', async () => {
    const { readFileSync } = await import('node:fs');
    const en = readFileSync('content/docs/en/paths.mdx', 'utf8');
    const ja = readFileSync('content/docs/ja/paths.mdx', 'utf8');
    expect(en).toContain('~5 minutes (300 seconds)');
    expect(en).toContain('#64867');
    expect(en).toContain('?chain=pls,lb&client=10.1.0.10#path');
    expect(ja).toContain('約 5 分（300 秒）');
    expect(ja).toContain('## IP フロー検証で確認する {#path-verify}');
    expect(ja).not.toMatch(/提供側|自分で確かめる/);
  });
});

// Firewall and Application Gateway for virtual networks; snat-private-range; tutorial-private-ip-dnat.
describe('the routed firewall’s fixes', () => {
  it.each(['en', 'ja'] as const)('agw,fwr with a network rule (%s): the return route, private DNAT and 255.255.255.255/32', (lang) => {
    // The gateway's route alone: the request passes the firewall, the reply goes around it (leg 4).
    const callout = elements(view('path', { chain: 'agw,fwr', routes: 'agw:10.0.1.0/24=10.0.2.4' }, lang).outputs).find(
      (n) => n.tag === 'p' && n.attrs['data-warning'] === 'asymmetric',
    )!;
    const said = text(callout);
    expect(said).toContain('255.255.255.255/32');
    expect(said).toContain('DNAT');
    expect(said).toContain(lang === 'en' ? 'user-defined route' : 'ユーザー定義ルート');
    expect(said).toContain(
      lang === 'en' ? 'the workload sees the firewall' : 'ワークロードにはゲートウェイではなくファイアウォールが見えます',
    );
  });
});

// The Markdown versions and the copied Markdown (security review, issue 30).
describe('Markdown that says what the page says', () => {
  it('a link’s parameters survive (no &amp;), and prose that looks like markup is escaped', async () => {
    const { pageMarkdown } = await import('../../src/build/page-markdown.ts');
    const html = `<!doctype html><html><head><meta name="description" content="Use &lt;RG&gt; &amp; *stars*."></head><body>
      <h1>T</h1><div class="sl-markdown-content"><p>See <a href="/en/paths/?chain=pls,lb&amp;proxy=1#path">this</a>; replace &lt;RG&gt; and <code>&lt;VM&gt;</code> with ![a](x) yours.</p></div></body></html>`;
    const md = pageMarkdown(html, 'https://docs.contoso.example/en/paths/');
    expect(md).toContain('[this](https://docs.contoso.example/en/paths/?chain=pls,lb&proxy=1#path)');
    expect(md).not.toContain('&amp;');
    expect(md).toContain('replace \\<RG\\> and `<VM>` with !\\[a\\](x) yours.');
    expect(md).toContain('> Use \\<RG\\> & \\*stars\\*.');
  });

  it('the permalink keeps only the explorer’s own parameters that differ from the page’s scenario, percent-encoded', async () => {
    const { scenarioPermalink } = await import('../../src/view/markdown.ts');
    const page = 'https://docs.contoso.example/en/paths/?x=![a](https://evil.example/p.png)&chain=fd,agw#top';
    // chain differs from the baseline (kept, commas as written); client equals it (left out); x is unknown (left out).
    expect(
      scenarioPermalink(
        page,
        'path',
        ['chain', 'client'],
        { chain: 'pls,lb', client: '203.0.113.10' },
        { chain: 'fd,agw', client: '203.0.113.10' },
      ),
    ).toBe('https://docs.contoso.example/en/paths/?chain=pls,lb#path');
    expect(scenarioPermalink(page, 'path', ['chain'], { chain: 'a b<c>' }, {})).toBe(
      'https://docs.contoso.example/en/paths/?chain=a+b%3Cc%3E#path',
    );
  });
});

// Security review: what a field refuses, the same way in a single field and in a list.
describe('input the fields refuse', () => {
  const errorsOf = (kind: string, raw: RawParams) => {
    const result = explorerFor(kind).read(raw);
    return result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code, e.rule.index ?? null, e.rule.ipv4 ?? null]);
  };

  it('a bidirectional control in any field of any explorer is refused at that field', async () => {
    const { explorers } = await import('../../src/explorers.ts');
    const controls = ['\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f'];
    for (const [kind, definition] of Object.entries(explorers)) {
      for (const [index, name] of Object.keys(definition.params).entries()) {
        const spec = (definition.params as Record<string, { default: string }>)[name]!;
        const raw = { [name]: `${spec.default}${controls[index % controls.length]}` };
        expect(errorsOf(kind, raw), `${kind} ${name}`).toContainEqual([name, 'bidi', null, null]);
      }
    }
    // The review's example: "fd,\u202ewga" displays as "fd,agw".
    expect(errorsOf('path', { chain: 'fd,\u202ewga' })).toEqual([['chain', 'bidi', null, null]]);
  });

  it.each<{ kind: string; raw: RawParams; expected: unknown[] }>([
    // IPv4-mapped IPv6 gets its own message in lists, as in the single-address fields.
    {
      kind: 'load-balancer',
      raw: { backends: '10.0.1.5,::ffff:10.0.1.4' },
      expected: ['backends', 'list-item-ip-v4-in-v6', 2, '10.0.1.4'],
    },
    { kind: 'outbound', raw: { pips: '::ffff:198.51.100.80' }, expected: ['pips', 'list-item-ip-v4-in-v6', 1, '198.51.100.80'] },
    {
      kind: 'application-gateway',
      raw: { xffin: '[::ffff:203.0.113.7]:8080' },
      expected: ['xffin', 'list-item-ip-v4-in-v6', 1, '203.0.113.7'],
    },
    {
      kind: 'traffic-manager',
      raw: { endpoints: 'east.contoso.example=::ffff:198.51.100.1' },
      expected: ['endpoints', 'list-item-ip-v4-in-v6', 1, '198.51.100.1'],
    },
    // RFC 6052 §3.1: the well-known NAT64 prefix never carries a private IPv4 address.
    { kind: 'load-balancer', raw: { client: '64:ff9b::10.0.0.1' }, expected: ['client', 'ip-nat64-private', null, '10.0.0.1'] },
    { kind: 'load-balancer', raw: { client: '64:ff9b::a00:1' }, expected: ['client', 'ip-nat64-private', null, '10.0.0.1'] },
    {
      kind: 'load-balancer',
      raw: { client: '2001:db8::10', lbip: '2001:db8::1', backends: '2001:db8:1::4,64:ff9b::192.168.0.9' },
      expected: ['backends', 'list-item-ip-nat64-private', 2, '192.168.0.9'],
    },
    // One 100 KB key is an unknown key, not too many keys.
    { kind: 'path', raw: { chain: 'x'.repeat(100_000) }, expected: ['chain', 'chain-stage', null, null] },
  ])('$kind $expected.1', ({ kind, raw, expected }) => {
    expect(errorsOf(kind, raw)).toContainEqual(expected);
  });

  it('a NAT64 address around a global (here: documentation) IPv4 address stays valid', () => {
    expect(errorsOf('load-balancer', { client: '64:ff9b::198.51.100.7', lbip: '2001:db8::1', backends: '2001:db8:1::4' })).toEqual([]);
  });

  it('an unknown chain key is echoed isolated, so it cannot reorder the message around it', () => {
    const result = explorerFor('path').read({ chain: 'fd,ابc' });
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.errors[0]! : null;
    const message = errorMessage(error!, translator('en'));
    expect(message).toContain('“\u2068ابc\u2069”');
  });
});

// Wording no stronger than Learn, and the Traffic Manager timeline's exception (traffic-manager-monitoring).
describe('what the pages say', () => {
  const page = async (path: string) => (await import('node:fs')).readFileSync(`content/docs/${path}`, 'utf8');

  it('Front Door’s page words Load Balancer’s single-instance case as the probe page does', async () => {
    expect(await page('en/front-door.mdx')).not.toContain('continue only while the backend pool has more than one instance');
    expect(await page('en/front-door.mdx')).toContain('for a single instance, Learn does not say they do');
    expect(await page('ja/front-door.mdx')).not.toContain('2 つ以上のインスタンスがある場合に限られます');
  });

  it('Front Door’s Japanese page says "may" where the English does (a pooled connection may carry other clients)', async () => {
    expect(await page('ja/front-door.mdx')).toContain('ほかのクライアントの要求も転送されることがあります');
    expect(translator('ja')('hopNote.edge-to-origin')).toContain('使われることがある');
  });

  it.each(['en/faq/dns-cache-failover.mdx', 'ja/faq/dns-cache-failover.mdx', 'en/traffic-manager.mdx', 'ja/traffic-manager.mdx'])(
    '%s: a stopped Azure endpoint is not the probe timeline',
    async (path) => {
      expect(await page(path)).toMatch(/Stopped/);
      expect(await page(path)).toMatch(/stopped-endpoint/);
    },
  );
});
