import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chainAdditions,
  checkStageKinds,
  pathLegs,
  readPathScenario,
  stageEffects,
  stagePlaces,
  STAGES,
  validChains,
  type ChainStage,
} from '../../src/model/cross-service/paths.ts';
import { STAGE_KINDS, type StageKind } from '../../src/model/service.ts';
import { stagePlacesList } from '../../src/view/paths.ts';
import { toHtml } from '../../src/view/tree.ts';
import { translator } from '../../src/i18n.ts';
import { socketText } from '../../src/view/table.ts';

// Issue 33: what a stage declares is checked like input, and everything about its place is derived.
describe('stage kinds are one typed list, checked', () => {
  it('every stage has a kind of the list, and names only kinds some stage has', () => {
    for (const stage of STAGES) expect(STAGE_KINDS, stage.key).toContain(stage.kind);
    expect(() => checkStageKinds(STAGES)).not.toThrow();
  });

  it('a stage naming a kind nobody declares is refused, with the stage and the kind named', () => {
    const lb = STAGES.find((stage) => stage.key === 'lb')!;
    const stray = { ...lb, key: 'xx', follows: ['nobody' as StageKind] } satisfies ChainStage;
    expect(() => checkStageKinds([...STAGES, stray])).toThrow('stage "xx": follows names kind "nobody", which no stage declares');
    // A kind of the list that no stage has is just as stray (here: leadsTo a kind without a stage).
    const withoutBalancer = STAGES.filter((stage) => stage.kind !== 'balancer');
    expect(() => checkStageKinds(withoutBalancer)).toThrow(/leadsTo names kind "balancer"/);
  });
});

// Worked out by hand from the declarations (follows / precedes / leadsTo) of tm, fd, fw, agw, fwr, pls, lb.
describe('the chain editor offers a stage only where it makes a valid chain', () => {
  it.each([
    // fd,agw: Traffic Manager first, the DNAT firewall before the gateway, a routed firewall or a
    // Load Balancer after it; never pls (it needs a Load Balancer right after it).
    [
      'fd,agw',
      [
        ['tm', 'tm,fd,agw'],
        ['fw', 'fd,fw,agw'],
        ['fwr', 'fd,agw,fwr'],
        ['lb', 'fd,agw,lb'],
      ],
    ],
    // lb alone: anything that may stand in front of a Load Balancer, pls included.
    [
      'lb',
      [
        ['glb', 'glb,lb'],
        ['tm', 'tm,lb'],
        ['fd', 'fd,lb'],
        ['fw', 'fw,lb'],
        ['agw', 'agw,lb'],
        ['pls', 'pls,lb'],
        ['aks', 'lb,aks'],
      ],
    ],
  ])('%s', (chain, expected) => {
    expect(chainAdditions(chain.split(',')).map(({ key, chain: next }) => [key, next.join(',')])).toEqual(expected);
  });

  it('every addition it offers is a chain the page accepts', () => {
    for (const chain of validChains())
      for (const addition of chainAdditions(chain.split(','))) expect(readPathScenario({ chain: addition.chain.join(',') }).ok).toBe(true);
  });
});

describe('where each stage may stand, from the declarations', () => {
  it('is the order rule the page applies', () => {
    const places = Object.fromEntries(stagePlaces().map(({ key, ...rest }) => [key, rest]));
    expect(places['tm']).toEqual({ first: true, after: [], before: [] });
    expect(places['fwr']).toEqual({ first: false, after: ['agw'], before: [] });
    expect(places['pls']).toEqual({ first: true, after: ['fd'], before: ['lb'] });
  });

  it('the paths page says it in both languages', () => {
    const en = toHtml(stagePlacesList(translator('en')));
    const ja = toHtml(stagePlacesList(translator('ja')));
    expect(en).toContain('<li data-stage="tm"><code>tm</code> (Traffic Manager): first only</li>');
    expect(en).toContain(
      '<code>pls</code> (Private Link service): first, or right after one of <code>fd</code>; one of <code>lb</code> must come right after it',
    );
    expect(ja).toContain('<code>fwr</code> (Azure Firewall（ルート経由）): 次のいずれかの直後のみ（<code>agw</code>）');
  });
});

// The flags the invariants read come from the descriptors; the engine must agree with them.
describe('what a stage declares it does to the source and X-Forwarded-For is what it does', () => {
  const chains = fc.constantFrom(...validChains());
  const variant = fc.record({ fwrule: fc.constantFrom('network', 'app'), floating: fc.constantFrom('0', '1') });

  it('the backend sees the client exactly when every data stage keeps the source', () => {
    fc.assert(
      fc.property(chains, variant, (chain, v) => {
        const result = readPathScenario({ chain, ...v });
        if (!result.ok) return;
        const kept = stageEffects(result.scenario).every((effect) => effect.source === 'kept');
        expect(socketText(pathLegs(result.scenario).backendSource).startsWith('203.0.113.10:')).toBe(kept);
      }),
    );
  });

  it('X-Forwarded-For reaches the backend exactly when a stage declares it writes it', () => {
    fc.assert(
      fc.property(chains, (chain) => {
        const result = readPathScenario({ chain });
        if (!result.ok) return;
        const writes = stageEffects(result.scenario).some((effect) => effect.writesXff);
        expect(pathLegs(result.scenario).xff !== '').toBe(writes);
      }),
    );
  });
});
