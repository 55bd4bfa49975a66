import type { Translate } from '../i18n.ts';
import type { Verdict } from './explorer.ts';
import { chip } from './table.ts';
import { h, type ElementNode, type TreeNode } from './tree.ts';

/**
 * A verdict from a translated sentence: `values` are the addresses and names in it, shown as
 * value chips so that none breaks inside itself on a phone (SPEC §7.1).
 */
export function verdict(state: Verdict['state'], text: string, values: readonly string[] = []): Verdict {
  return { state, text, values: values.filter((value) => value !== '' && text.includes(value)) };
}

/**
 * The one rule for the verdict's state where the page's question is what the backend receives
 * (load-balancer, application-gateway, front-door, paths, cross-region, AKS): `ok` when the
 * backend can learn the client's address, because it is the packet's source, an
 * X-Forwarded-For entry a proxy wrote, or the source of a PROXY protocol v2 header; `warning`
 * when the address is lost on the way. A translated source is not itself a warning: behind a
 * reverse proxy it is the design, and the header carries the client. A flow that breaks (a
 * hairpin, a reply gone astray) is `fails`, and a flow that needs something of the reader to work
 * (Floating IP's loopback) is `warning`, whatever the address; the caller decides those first.
 */
export function clientAddressState(learnable: boolean): 'ok' | 'warning' {
  return learnable ? 'ok' : 'warning';
}

/** The sentence with each of its values as a chip, in order of appearance (a value found twice is a chip twice). */
function sentence(text: string, values: readonly string[]): TreeNode[] {
  const out: TreeNode[] = [];
  let rest = text;
  while (rest !== '') {
    const found = values
      .map((value) => ({ value, at: rest.indexOf(value) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => a.at - b.at || b.value.length - a.value.length)[0];
    if (!found) break;
    out.push(rest.slice(0, found.at), chip(found.value));
    rest = rest.slice(found.at + found.value.length);
  }
  out.push(rest);
  return out.filter((part) => part !== '');
}

/**
 * The explorer's answer as the page shows it, above the form (SPEC §4): the state as a word (not
 * colour alone), then the sentence. The build and the browser's patch write the same node, and the
 * Markdown versions read it as `**word** sentence`.
 */
export function verdictNode(v: Verdict, t: Translate): ElementNode {
  return h(
    'p',
    { class: 'atp-verdict', 'data-field': 'verdict', 'data-value': v.text, 'data-state': v.state },
    h('strong', { class: 'atp-verdict-state' }, v.word ?? t(`verdict.state.${v.state}`)),
    ' ',
    h('span', { class: 'atp-verdict-text' }, sentence(v.text, v.values ?? [])),
  );
}
