import type { Translate } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import {
  crossRegionHops,
  crossRegionParams,
  readCrossRegionScenario,
  type CrossRegionScenario,
} from '../model/services/cross-region-load-balancer.ts';
import { type ExplorerView, type Verdict, explorer, type Explorers } from './explorer.ts';
import { hopLabel, hopTable } from './hops.ts';
import { socketText } from './table.ts';
import { clientAddressState, verdict as sentence } from './verdict.ts';

/** The page's question: which source the backend sees, and what it must accept (a pass-through keeps the client). */
function verdict(s: CrossRegionScenario, hops: ReturnType<typeof crossRegionHops>, t: Translate): Verdict {
  const atBackend = hops[2]!;
  const [source, backend] = [socketText(atBackend.src), socketText(atBackend.dst)];
  // The addresses are value chips, as in every other explorer's verdict.
  const kept = atBackend.src.ip.text === s.client.text;
  return kept
    ? sentence(clientAddressState(kept), t('verdict.glb.client-kept', { client: source, backend }), [source, backend])
    : sentence(clientAddressState(kept), t('verdict.glb.translated', { source }), [source]);
}

export function crossRegionView(s: CrossRegionScenario, t: Translate): ExplorerView {
  const hops = crossRegionHops(s);
  const backend = s.backends[s.pick - 1]!.text;
  // Hops 4–6 are the reply, drawn dashed.
  const message = (i: number): Step => ({ kind: 'message', from: hops[i]!.from, to: hops[i]!.to, text: hopLabel(hops[i]!), reply: i >= 3 });
  return {
    verdict: verdict(s, hops, t),
    outputs: [hopTable(hops, t)],
    diagram: {
      title: t('diagram.glb.title'),
      description: t('diagram.glb.desc', { client: s.client.text, glb: s.glbip.text, lb: s.lbip.text, backend }),
      participants: [
        { key: 'client', label: [t('actor.client'), s.client.text] },
        { key: 'glb', label: [t('actor.glb'), s.glbip.text] },
        { key: 'lb', label: [t('actor.lb-regional'), s.lbip.text] },
        { key: 'backend', label: [t('actor.backend'), backend] },
      ],
      steps: [
        message(0),
        message(1),
        { kind: 'note', over: ['glb', 'lb'], text: t('diagram.note.glb-pass') },
        message(2),
        { kind: 'note', over: ['lb', 'backend'], text: t(s.floating ? 'diagram.note.floating' : 'diagram.note.dnat') },
        message(3),
        message(4),
        message(5),
      ],
    },
  };
}

/** The cross-region Load Balancer explorer (`data-explorer="cross-region-load-balancer"`). */
export const explorers: Explorers = {
  'cross-region-load-balancer': explorer(crossRegionParams, readCrossRegionScenario, crossRegionView),
};
