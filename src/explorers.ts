import { uiKey, type UiKey } from './i18n.ts';
import type { ExplorerDefinition, Explorers } from './view/explorer.ts';

export type { Control, ExplorerDefinition } from './view/explorer.ts';

/**
 * Every explorer, by `data-explorer` kind. Each view module that draws an explorer exports it as
 * `explorers` (a service's own under its id), and this registry collects them, so a new service's
 * explorer needs no line here. Bundled by Vite (Astro, the browser, Vitest) at build time.
 */
const modules = import.meta.glob<{ explorers?: Explorers }>('./view/*.ts', { eager: true });

export const explorers: Readonly<Record<string, ExplorerDefinition<unknown>>> = Object.freeze(
  Object.values(modules)
    .flatMap((module) => (module.explorers ? [module.explorers] : []))
    .reduce<Record<string, ExplorerDefinition<unknown>>>((all, found) => {
      for (const [kind, definition] of Object.entries(found)) {
        if (Object.hasOwn(all, kind)) throw new Error(`two view modules define the explorer "${kind}"`);
        all[kind] = definition as unknown as ExplorerDefinition<unknown>;
      }
      return all;
    }, {}),
);

export type ExplorerKind = string;

export function isExplorerKind(value: string): value is ExplorerKind {
  return Object.hasOwn(explorers, value);
}

/** The registry with its scenario types erased, for code that handles any explorer. */
export function explorerFor(kind: ExplorerKind): ExplorerDefinition<unknown> {
  if (!isExplorerKind(kind)) throw new Error(`unknown explorer "${kind}"`);
  return explorers[kind]!;
}

/** The i18n key naming a parameter on this explorer: the control's own label, else `field.<name>`. */
export function labelKey(definition: ExplorerDefinition<unknown>, name: string): UiKey {
  return uiKey(definition.controls.find((control) => control.name === name)?.label ?? `field.${name}`);
}
