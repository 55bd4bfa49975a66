/**
 * Issue 30's fourth pass outside the outbound pages: answers that were wrong or half right. Every
 * expected value is worked out by hand from Learn's rules quoted beside it.
 */
import { describe, expect, it } from 'vitest';
import { explorerFor } from '../../src/explorers.ts';
import { translator, type Lang } from '../../src/i18n.ts';
import { pathLegs, readPathScenario, type PathScenario } from '../../src/model/paths.ts';
import type { RawParams } from '../../src/model/params.ts';
import type { ExplorerView } from '../../src/view/explorer.ts';
import { toHtml, type ElementNode, type TreeNode } from '../../src/view/tree.ts';
import { compareTable } from '../../src/view/compare.ts';

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
    const callout = elements(view('path', { chain: 'agw,fwr' }, lang).outputs).find(
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
