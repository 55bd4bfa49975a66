import { describe, expect, test } from 'vitest';
import { pageMarkdown } from '../../src/build/page-markdown.ts';

const PAGE = `<!doctype html><html><head><meta name="description" content="One line &amp; a summary."></head><body>
<h1 id="_top">Load Balancer</h1>
<div class="sl-markdown-content">
<aside class="starlight-aside"><p class="starlight-aside__title" aria-hidden="true"><svg></svg>Scope</p><div class="starlight-aside__content"><p>Standard <strong>only</strong>.</p></div></aside>
<p>Azure Load Balancer <strong>forwards</strong> packets; see <a href="/en/faq/client-ip/#summary">the FAQ</a> and <code>X-Forwarded-For</code>.</p>
<div class="sl-heading-wrapper level-h2"><h2 id="compute">The four packets</h2><a class="sl-anchor-link" href="#compute"><span class="sr-only">Section titled “The four packets”</span></a></div>
<section data-explorer="load-balancer"><h3 class="atp-explorer-heading">One flow</h3>
<form><fieldset><label>Client IP</label><input value="203.0.113.10"><button>Reset to defaults</button></fieldset></form>
<table><caption>Each packet</caption><thead><tr><th>Hop</th><th>Source</th><th>Leg</th></tr></thead>
<tbody><tr><th>1</th><td><code class="atp-chip">203.0.113.10:50000</code></td><td><span class="atp-leg">Client → LB</span><span class="atp-note">A | B.</span></td></tr></tbody></table>
<figure class="atp-diagram"><div aria-label="Sequence diagram: one flow"><svg><text>203.0.113.10</text></svg></div><figcaption><span>drawn</span><button>Full size</button></figcaption></figure>
<script>alert(1)</script>
</section>
<ul><li>First, <em>plainly</em></li><li>Second<ul><li>nested</li></ul></li></ul>
<pre><code>az network watcher test-ip-flow --direction Inbound</code></pre>
</div></body></html>`;

describe('pageMarkdown', () => {
  test('a page with a callout, links, an explorer, a list and a command', () => {
    expect(pageMarkdown(PAGE, 'https://docs.contoso.example/azure-traffic-paths/en/load-balancer/')).toBe(
      [
        '# Load Balancer',
        '',
        '> One line & a summary.',
        '',
        'https://docs.contoso.example/azure-traffic-paths/en/load-balancer/',
        '',
        '> **Scope**',
        '>',
        '> Standard **only**.',
        '',
        'Azure Load Balancer **forwards** packets; see [the FAQ](https://docs.contoso.example/en/faq/client-ip/#summary) and `X-Forwarded-For`.',
        '',
        '## The four packets',
        '',
        '### One flow',
        '',
        '**Each packet**',
        '',
        '| Hop | Source | Leg |',
        '| --- | --- | --- |',
        '| 1 | `203.0.113.10:50000` | Client → LB: A \\| B. |',
        '',
        '*Sequence diagram: one flow*',
        '',
        '- First, *plainly*',
        '- Second',
        '   - nested',
        '',
        '```',
        'az network watcher test-ip-flow --direction Inbound',
        '```',
        '',
      ].join('\n'),
    );
  });
});
