import { inTravelOrder } from '../model/hop.ts';
import type { Translate } from '../i18n.ts';
import { loadBalancerPackets, type LoadBalancerScenario, loadBalancerParams, readLoadBalancerScenario } from '../model/load-balancer.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { hopTable, packetMessages } from './hops.ts';
import { socketText } from './table.ts';
import { verdict } from './verdict.ts';

export function loadBalancerView(s: LoadBalancerScenario, t: Translate): ExplorerView {
  const packets = loadBalancerPackets(s);
  const hops = inTravelOrder(packets);
  const backend = s.backends[s.pick - 1]!.text;
  const m = packetMessages(packets);
  // What the backend receives (hop 2): the client's own address, and the destination NAT left for it.
  const src = socketText(packets.requestOut.src);
  const dst = socketText(packets.requestOut.dst);
  return {
    verdict: verdict('ok', t(s.floating ? 'verdict.load-balancer.floating' : 'verdict.load-balancer', { src, dst }), [src, dst]),
    outputs: [hopTable(hops, t)],
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
        { kind: 'note', over: ['lb', 'backend'], text: t(s.floating ? 'diagram.note.floating' : 'diagram.note.dnat') },
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
