import type { Translate } from '../i18n.ts';
import { loadBalancerHops, type LoadBalancerScenario } from '../model/load-balancer.ts';
import type { ExplorerView } from './explorer.ts';
import { hopMessage, hopTable } from './hops.ts';

export function loadBalancerView(s: LoadBalancerScenario, t: Translate): ExplorerView {
  const hops = loadBalancerHops(s);
  const backend = s.backends[s.pick - 1]!.text;
  const [h1, h2, h3, h4] = hops.map(hopMessage);
  return {
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
        h1!,
        h2!,
        { kind: 'note', over: ['lb', 'backend'], text: t(s.floating ? 'diagram.note.floating' : 'diagram.note.dnat') },
        h3!,
        h4!,
      ],
    },
  };
}
