import { inTravelOrder } from '../model/shared/hop.ts';
import type { Translate } from '../i18n.ts';
import {
  loadBalancerHairpin,
  loadBalancerPackets,
  type Hairpin,
  type LoadBalancerScenario,
  loadBalancerParams,
  readLoadBalancerScenario,
} from '../model/services/load-balancer.ts';
import { type ExplorerView, type Verdict, explorer, type Explorers } from './explorer.ts';
import { hopTable, packetMessages } from './hops.ts';
import { h, type ElementNode } from './tree.ts';
import { socketText } from './table.ts';
import { clientAddressState, verdict } from './verdict.ts';

/** The hop the hairpin breaks: the VM's own call delivered back to it (source and destination are the VM). */
const HAIRPIN_HOP = 2;

/** Why a backend calling its own frontend fails, the odds with this many backends, and Microsoft's workarounds. */
export function hairpinText(hairpin: Hairpin, s: LoadBalancerScenario, t: Translate): string {
  const args = { client: s.client.text, lb: s.lbip.text, n: hairpin.backends, backend: s.backends[s.pick - 1]!.text };
  const what = hairpin.floating ? t('lb.hairpin.floating', args) : t(hairpin.toItself ? 'lb.hairpin.self' : 'lb.hairpin.other', args);
  const chance = t(hairpin.backends === 1 ? 'lb.hairpin.chance-one' : 'lb.hairpin.chance', args);
  return [what, chance, t('lb.hairpin.fix')].join(t('lb.hairpin.join'));
}

/** The explorer's answer: what the backend sees, or that this flow is the hairpin that fails. */
export function loadBalancerVerdict(s: LoadBalancerScenario, t: Translate): Verdict {
  const hairpin = loadBalancerHairpin(s);
  const args = { client: s.client.text, lb: s.lbip.text, n: s.backends.length, backend: s.backends[s.pick - 1]!.text };
  if (hairpin && hairpin.floating) return { state: 'warning', text: t('verdict.lb.hairpin-floating', args) };
  if (hairpin)
    return hairpin.toItself
      ? { state: 'fails', text: t('verdict.lb.hairpin-self', args) }
      : { state: 'warning', text: t('verdict.lb.hairpin-chance', args) };
  // What the backend receives (hop 2): the client's own address, and the destination NAT left for it.
  const { src: from, dst: to } = loadBalancerPackets(s).requestOut;
  const [src, dst] = [socketText(from), socketText(to)];
  // With Floating IP the packet is addressed to the frontend, which Azure never assigns to the VM:
  // it answers only once its guest OS holds that address on a loopback interface, so the verdict
  // is a warning that says so (Learn: load-balancer/load-balancer-floating-ip, "Floating IP Guest
  // OS configuration", 2026-12-07). The client's address arrives either way (clientAddressState).
  if (s.floating) return verdict('warning', t('verdict.load-balancer.floating', { src, dst, lb: s.lbip.text }), [src, dst, s.lbip.text]);
  return verdict(clientAddressState(true), t('verdict.load-balancer', { src, dst }), [src, dst]);
}

export function loadBalancerView(s: LoadBalancerScenario, t: Translate): ExplorerView {
  const packets = loadBalancerPackets(s);
  const hops = inTravelOrder(packets);
  const backend = s.backends[s.pick - 1]!.text;
  const m = packetMessages(packets);
  const hairpin = loadBalancerHairpin(s);
  const failing = hairpin?.toItself === true && !hairpin.floating;
  const callout: ElementNode[] = hairpin
    ? [
        h(
          'p',
          { class: 'atp-callout', 'data-warning': 'hairpin', ...(failing ? { 'data-leg': String(HAIRPIN_HOP) } : {}) },
          hairpinText(hairpin, s, t),
        ),
      ]
    : [];
  return {
    verdict: loadBalancerVerdict(s, t),
    outputs: [
      hopTable(hops, t, {
        rowAttrs: (hop): Record<string, string> => (failing && hop.n === HAIRPIN_HOP ? { 'data-warning': 'hairpin' } : {}),
      }),
      ...callout,
    ],
    diagram: {
      title: t('diagram.lb.title'),
      description: t('diagram.lb.desc', { client: s.client.text, lb: s.lbip.text, backend }),
      participants: [
        { key: 'client', label: [t('actor.client'), s.client.text] },
        { key: 'lb', label: [t('actor.lb'), s.lbip.text] },
        { key: 'backend', label: [t('actor.backend'), backend] },
      ],
      steps: [
        m.requestIn,
        m.requestOut,
        {
          kind: 'note',
          over: ['lb', 'backend'],
          text: t(failing ? 'diagram.note.hairpin' : s.floating ? 'diagram.note.floating' : 'diagram.note.dnat'),
        },
        m.replyIn,
        m.replyOut,
      ],
    },
  };
}

/** The Load Balancer explorer (`data-explorer="load-balancer"`). */
export const explorers: Explorers = {
  // Learn: javascript/api/@azure/arm-network/loadbalancingrule (LoadBalancingRule properties), 2026-12-07
  'load-balancer': explorer(loadBalancerParams, readLoadBalancerScenario, loadBalancerView, { api: { floating: 'enableFloatingIP' } }),
};
