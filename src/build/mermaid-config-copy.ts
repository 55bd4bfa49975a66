/**
 * Mermaid hands out its configuration as a fresh deep copy on every `getConfig()`, and a sequence
 * diagram asks for it dozens of times per render (every message, note and actor while parsing,
 * and again while drawing). The copy goes through Mermaid's general `assignWithDepth` over the
 * whole configuration — every diagram type's defaults and the theme's ~150 variables, some 850
 * keys — and was a third of each redraw after an edit (profiled: 10–25 ms of 45–70 ms on this
 * machine).
 *
 * `copyConfig` makes the same copy (same keys, same order, arrays de-duplicated as Mermaid does,
 * nulls dropped) with plain loops, and copies each section only when it is read; the Vite plugin
 * below puts it in place of Mermaid's in the browser bundle only, in `getConfig` and at the start
 * of `updateCurrentConfig` (the same copy of the site configuration, three times per render). The build-time renderer runs
 * Mermaid's own file; both produce the same object, so both draw the same SVG
 * (tests/unit/mermaid-config-copy.node.test.ts checks the copy against Mermaid's function, and
 * that the patch still applies to the installed Mermaid).
 */

/**
 * What `assignWithDepth({}, config)` (depth 2) returns, without its per-key overhead, and lazily:
 * each section (`sequence`, `themeVariables`, … every diagram type's defaults) is copied the first
 * time the copy's reader asks for it. A render asks for the configuration dozens of times and
 * reads one or two sections each time; copying all of them every time is what made it slow.
 * Until it is read, a section is an accessor that copies the section as it was when `copyConfig`
 * ran (Mermaid replaces its configuration object rather than changing it, so that is the same
 * state); reading or writing it turns it into a plain property. Keys keep their order.
 * Self-contained on purpose: the plugin below inserts its source text into Mermaid's.
 */
export function copyConfig(config: Record<string, unknown>): Record<string, unknown> {
  const unique = (values: readonly unknown[]): unknown[] => {
    const out: unknown[] = [];
    for (const value of values) if (!out.includes(value)) out.push(value);
    return out;
  };
  // A key named `__proto__` stays an own key, as with Mermaid's defineProperty (which is slow for every key).
  const plain = (target: object, key: string, value: unknown) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (key === '__proto__') plain(target, key, value);
    else target[key] = value;
  };
  const section = (source: object): unknown => {
    if (Array.isArray(source)) return unique(source);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const value = (source as Record<string, unknown>)[key];
      if (typeof value !== 'object') set(out, key, value);
      else if (value !== null) set(out, key, Array.isArray(value) ? unique(value) : Object.assign({}, value));
    }
    return out;
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (typeof value !== 'object') set(out, key, value);
    else if (value !== null)
      Object.defineProperty(out, key, {
        get: () => {
          const copied = section(value);
          plain(out, key, copied);
          return copied;
        },
        set: (replaced: unknown) => plain(out, key, replaced),
        enumerable: true,
        configurable: true,
      });
  }
  return out;
}

/** Mermaid 12's `getConfig`, as it stands in its ESM build. */
export const MERMAID_GET_CONFIG =
  'var getConfig = /* @__PURE__ */ __name(() => {\n  return assignWithDepth_default({}, currentConfig);\n}, "getConfig");';

/** The chunk's source with `getConfig` using `copyConfig`, or undefined if the chunk has no such definition. */
export function patchGetConfig(code: string): string | undefined {
  if (!code.includes(MERMAID_GET_CONFIG)) return undefined;
  return code.replace(
    MERMAID_GET_CONFIG,
    `var atpCopyConfig = ${copyConfig.toString()};\nvar getConfig = /* @__PURE__ */ __name(() => atpCopyConfig(currentConfig), "getConfig");`,
  );
}

/**
 * Mermaid 12's `updateCurrentConfig`, as it starts in its ESM build. Every render calls it three
 * times (`reset`, `setDiagramConfigScope`, `addDirective`), and each call began with a full deep
 * copy of the site configuration; only the last one's result is read (profiled: 6–7 % of a
 * redraw's task after an edit).
 */
export const MERMAID_UPDATE_CURRENT_CONFIG =
  'var updateCurrentConfig = /* @__PURE__ */ __name((siteCfg, _directives) => {\n  let cfg = assignWithDepth_default({}, siteCfg);';

/**
 * The chunk's source with `updateCurrentConfig` starting from `copyConfig`'s copy of the site
 * configuration (the same object, its sections copied when first read), or undefined if the chunk
 * has no such definition. What the function does next with the copy (merging directives into it,
 * setting appearance keys in it) reads or writes a section, which makes that section a plain one.
 */
export function patchUpdateCurrentConfig(code: string): string | undefined {
  if (!code.includes(MERMAID_UPDATE_CURRENT_CONFIG)) return undefined;
  return code.replace(
    MERMAID_UPDATE_CURRENT_CONFIG,
    `var atpCopySiteConfig = ${copyConfig.toString()};\nvar updateCurrentConfig = /* @__PURE__ */ __name((siteCfg, _directives) => {\n  let cfg = atpCopySiteConfig(siteCfg);`,
  );
}

/**
 * The Vite plugin. If a Mermaid upgrade changes `getConfig` or `updateCurrentConfig`, nothing
 * breaks (Mermaid's own copy stays), and tests/unit/mermaid-config-copy.node.test.ts fails so that
 * someone looks again.
 */
export function mermaidConfigCopy() {
  return {
    name: 'atp-mermaid-config-copy',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]mermaid[\\/]dist[\\/]/.test(id)) return undefined;
      const gotConfig = patchGetConfig(code) ?? code;
      const patched = patchUpdateCurrentConfig(gotConfig) ?? gotConfig;
      return patched === code ? undefined : patched;
    },
  };
}
