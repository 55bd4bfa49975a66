import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyConfig, MERMAID_GET_CONFIG, patchGetConfig } from '../../src/build/mermaid-config-copy.ts';
import { DIAGRAM_THEMES, mermaidConfig } from '../../src/diagram/config.ts';

/** The Mermaid chunk that defines `getConfig` (its file name carries a hash). */
const CHUNKS = join(process.cwd(), 'node_modules/mermaid/dist/chunks/mermaid.core');
const chunk = readdirSync(CHUNKS)
  .filter((name) => name.endsWith('.mjs'))
  .map((name) => join(CHUNKS, name))
  .find((path) => readFileSync(path, 'utf8').includes(MERMAID_GET_CONFIG));

type Assign = (dst: object, src: object) => Record<string, unknown>;
const mermaidCore = (chunk ? await import(pathToFileURL(chunk).href) : {}) as {
  assignWithDepth_default: Assign;
  defaultConfig_default: Record<string, unknown>;
};
const assignWithDepth = mermaidCore.assignWithDepth_default;

/** Equal values and the same key order at every level (Mermaid iterates configs in order). */
function expectSameCopy(source: Record<string, unknown>): void {
  const ours = copyConfig(source);
  const theirs = assignWithDepth({}, source);
  expect(ours).toStrictEqual(theirs);
  expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
}

describe('the getConfig patch', () => {
  it('still finds the definition it replaces in the installed Mermaid', () => {
    expect(chunk, 'no Mermaid chunk defines getConfig').toBeDefined();
    const code = readFileSync(chunk!, 'utf8');
    expect(code.split(MERMAID_GET_CONFIG)).toHaveLength(2);
    const patched = patchGetConfig(code)!;
    expect(patched).not.toContain(MERMAID_GET_CONFIG);
    expect(patched).toContain('atpCopyConfig(currentConfig)');
  });

  it('leaves code without that definition alone', () => {
    expect(patchGetConfig('var getConfig = () => ({});')).toBeUndefined();
  });
});

describe('copyConfig makes the copy Mermaid makes', () => {
  it.each(DIAGRAM_THEMES)('for the site configuration over Mermaid defaults, %s theme', (theme) => {
    const config = assignWithDepth(assignWithDepth({}, mermaidCore.defaultConfig_default), mermaidConfig(theme));
    expectSameCopy(config);
    // A copy, not the same objects: callers change what they get.
    const copy = copyConfig(config);
    expect(copy.sequence).not.toBe(config.sequence);
  });

  it('for any nesting of plain values, arrays (de-duplicated) and nulls (dropped)', () => {
    const leaf = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 6 }), (source) => {
        expectSameCopy(source as Record<string, unknown>);
      }),
    );
  });
});
