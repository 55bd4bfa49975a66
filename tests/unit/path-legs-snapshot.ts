import { pathLegs, readPathScenario, STAGES } from '../../src/model/cross-service/paths.ts';
import { socketText } from '../../src/view/table.ts';

/**
 * Every chain the registry allowed before issue 33's contract change, with everything the paths
 * engine computes for it in the default scenario: the fixture `fixtures/path-legs.json` was written
 * from the engine as it was then, so the refactor can be checked leg by leg (not a golden table:
 * a regression guard).
 */
export function chainsOf(keys: readonly string[]): string[] {
  const chains: string[] = [];
  for (let mask = 1; mask < 1 << keys.length; mask++) {
    const chain = keys.filter((_, i) => mask & (1 << i)).join(',');
    if (readPathScenario({ chain }).ok) chains.push(chain);
  }
  return chains;
}

/** The default scenario, and one that turns on every stage's option that changes a leg. */
export const VARIANTS: readonly Record<string, string>[] = [{}, { floating: '1', fwrule: 'app', proxy: '1', xffin: '192.0.2.9' }];

export function snapshot(chain: string, variant: Record<string, string> = {}) {
  const result = readPathScenario({ ...variant, chain });
  if (!result.ok) return { chain, errors: result.errors };
  const r = pathLegs(result.scenario);
  const leg = (l: (typeof r.request)[number]) => [l.n, l.sender, l.receiver, socketText(l.src), socketText(l.dst), l.note, l.sourceName];
  return {
    chain,
    variant,
    request: r.request.map(leg),
    reply: r.reply.map(leg),
    backendSource: socketText(r.backendSource),
    xff: r.xff,
    cert: r.cert,
    certEndedAt: r.certEndedAt,
    proxy: r.proxy ? { source: r.proxy.source ? socketText(r.proxy.source) : null, linkId: r.proxy.linkId } : null,
    nsg: r.nsg,
    warnings: r.warnings,
    verify: r.verify.map((v) => [v.leg, socketText(v.local), socketText(v.remote)]),
  };
}

if (process.argv[2] === 'write') {
  const { writeFileSync } = await import('node:fs');
  const chains = chainsOf(STAGES.map((s) => s.key));
  writeFileSync(
    'tests/unit/fixtures/path-legs.json',
    JSON.stringify(
      chains.flatMap((chain) => VARIANTS.map((variant) => snapshot(chain, variant))),
      null,
      1,
    ) + '\n',
  );
  console.log(chains.length, 'chains');
}
