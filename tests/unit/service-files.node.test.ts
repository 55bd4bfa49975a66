import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/model/services.ts';
import type { AnyService } from '../../src/model/services.ts';

/** Every source file of the engine, views, client, components, scripts and build (not pages, i18n or tests). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}

/** The code of a file without its comment lines: a comment may name a service by way of example. */
const code = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');

const FILES = [...sources('src'), ...sources('components'), ...sources('scripts'), 'astro.config.mjs'].map((path) => ({
  path,
  text: code(readFileSync(path, 'utf8')),
}));

/** The files whose code names `word` as a quoted string: a key, an id, a data value. */
const naming = (word: string) =>
  FILES.filter(({ text }) => [`'${word}'`, `"${word}"`, `\`${word}\``].some((q) => text.includes(q))).map(({ path }) => path);

/**
 * A service's own files: its model and its view, each with the parts beside it named `<id>-<part>.ts`
 * (README, "Adding a service").
 */
const isOwn = (id: string, path: string) =>
  ['src/model/services', 'src/view'].includes(dirname(path)) && (basename(path) === `${id}.ts` || basename(path).startsWith(`${id}-`));

/**
 * The places outside a service's own files that name one of its words, each with its reason. Keep
 * this list short: a service's key in shared code belongs in its descriptor.
 */
const EXCEPTIONS: readonly { word: string; files: readonly string[]; why: string }[] = [
  {
    word: 'lb',
    files: ['src/model/services/outbound.ts', 'src/view/outbound.ts'],
    why: 'the outbound method `egress=lb` (outbound rules, SPEC §10) is another vocabulary that uses the same word',
  },
  {
    word: 'fw',
    files: ['src/model/services/outbound.ts', 'src/view/outbound.ts'],
    why: 'the outbound method `egress=fw` (SPEC §10), as above',
  },
  {
    word: 'lb',
    files: ['src/model/services/cross-region-load-balancer.ts', 'src/view/cross-region-load-balancer.ts', 'src/view/aks.ts'],
    why: 'the cross-region Load Balancer and an AKS Service are drawn with the regional Load Balancer they stand before or behind (the actor `lb`)',
  },
  {
    word: 'firewall',
    files: ['src/model/service.ts', 'src/model/services/load-balancer.ts', 'src/model/services/application-gateway.ts'],
    why: 'the stage kind `firewall` (STAGE_KINDS), which the stages after a firewall follow, is the same word as the service id',
  },
  {
    word: 'firewall',
    files: ['src/model/services/outbound.ts'],
    why: 'the outbound port scope `firewall` (the firewall’s instances share its ports)',
  },
  {
    word: 'private-link',
    files: ['src/model/service.ts', 'src/model/services/outbound.ts'],
    why: 'the stage kind `private-link`, and the outbound fix `private-link` (reach the service privately instead of through SNAT)',
  },
  {
    word: 'agw',
    files: ['src/model/cross-service/path-routes.ts'],
    why: 'the subnet `agw` of the public parameter `routes` (SPEC §14); Learn forbids a default route to an appliance on that subnet only',
  },
  {
    word: 'fw',
    files: ['src/model/cross-service/path-routes.ts'],
    why: 'the subnet `fw` of the public parameter `routes` (SPEC §14): an appliance address in it is the firewall',
  },
  {
    word: 'tm',
    files: ['src/view/failover.ts'],
    why: 'the failover explorer is Traffic Manager’s (model `traffic-manager-failover.ts`); its view is named for its explorer kind `failover`',
  },
  {
    word: 'outbound',
    files: ['src/model/cross-service/lookup.ts', 'src/view/lookup.ts', 'src/client/lookup-links.ts'],
    why: 'the lookup’s design kind `outbound` is the contract’s section `outbound` (every service that declares one), not the service',
  },
  {
    word: 'load-balancer',
    files: ['scripts/screenshot.ts'],
    why: 'the README’s picture is the Load Balancer explorer',
  },
];

/** The words a service is known by: its id, its stage keys and its DNS stage's key. */
const wordsOf = (service: AnyService) => [
  service.id,
  ...(service.stages ?? []).map((stage) => stage.key),
  ...(service.dns ? [service.dns.key] : []),
];

// README "Adding a service": a service names its id and its keys only in its own files; everything
// else reaches it through the registry (one line in services.ts, which imports its descriptor by path,
// not by key), its i18n keys and its pages.
describe('a service touches only its own files', () => {
  const services = SERVICES as readonly AnyService[];

  it.each(services.map((service) => [service.id, service] as const))('%s', (id, service) => {
    for (const word of new Set(wordsOf(service))) {
      const allowed = EXCEPTIONS.filter((exception) => exception.word === word).flatMap((exception) => exception.files);
      expect(
        naming(word).filter((path) => !isOwn(id, path) && !allowed.includes(path)),
        word,
      ).toEqual([]);
    }
    // Its registry line: services.ts imports its descriptor from its module.
    expect(readFileSync('src/model/services.ts', 'utf8')).toContain(`from './services/${id}.ts'`);
  });

  it('every exception is still needed, and names a word of a service', () => {
    const words = new Set(services.flatMap(wordsOf));
    for (const { word, files } of EXCEPTIONS) {
      expect(words.has(word), word).toBe(true);
      for (const file of files) expect(naming(word), `${word} in ${file}`).toContain(file);
    }
  });

  it('the words of two services never clash', () => {
    const all = services.flatMap((service) => [...new Set(wordsOf(service))]);
    expect(all.length).toBe(new Set(all).size);
  });
});
