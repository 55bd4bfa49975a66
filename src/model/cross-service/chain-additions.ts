/**
 * The chain editor's additions (SPEC §9): each stage not in the chain, at each place where adding
 * it gives one of the valid chains, in the stages' one order and then by position. Pure and free of
 * the registry, so the browser's editor runs it on the list the page computed at build time
 * (`validChains` in paths.ts) without loading the engine.
 */
export function additionsFrom(
  keys: readonly string[],
  order: readonly string[],
  valid: ReadonlySet<string>,
): { key: string; at: number; chain: string[] }[] {
  const additions: { key: string; at: number; chain: string[] }[] = [];
  for (const key of order) {
    if (keys.includes(key)) continue;
    for (let at = 0; at <= keys.length; at++) {
      const chain = [...keys.slice(0, at), key, ...keys.slice(at)];
      if (valid.has(chain.join(','))) additions.push({ key, at, chain });
    }
  }
  return additions;
}
