import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/model/services.ts';
import type { AnyService } from '../../src/model/services.ts';

/** Every source file of the engine, views, components and build (not pages, i18n or tests). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}
const FILES = [...sources('src'), ...sources('components'), ...sources('scripts'), 'astro.config.mjs'].map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));

/** The files that name `word` as a quoted string: a key, an id, a data value. */
const naming = (word: string) =>
  FILES.filter(({ text }) => [`'${word}'`, `"${word}"`, `\`${word}\``].some((q) => text.includes(q))).map(({ path }) => path);

// Issue 33 and README "Adding a service": a service added on the descriptor contract names its id
// and its stage keys only in its own two modules; everything else reaches it through the registry
// (one line in services.ts, which names its descriptor, not its key), its i18n keys and its pages.
// The services written before the contract still have older references elsewhere and are not listed.
describe('a new service touches only its own files', () => {
  const added = (SERVICES as readonly AnyService[]).filter((service) => ['cross-region-load-balancer', 'aks'].includes(service.id));

  it('the services added on the contract are in the registry', () => {
    expect(added.map((service) => service.id)).toEqual(['cross-region-load-balancer', 'aks']);
  });

  it.each(added.map((service) => [service.id, service] as const))('%s', (id, service) => {
    const own = [`src/model/services/${id}.ts`, `src/view/${id}.ts`];
    for (const word of [id, ...(service.stages ?? []).map((stage) => stage.key)]) {
      expect(
        naming(word).filter((path) => !own.includes(path)),
        word,
      ).toEqual([]);
    }
    // Its registry line: services.ts imports its descriptor from its module.
    expect(readFileSync('src/model/services.ts', 'utf8')).toContain(`from './services/${id}.ts'`);
  });
});
