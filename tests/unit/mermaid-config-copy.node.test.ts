import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copyConfig,
  MERMAID_GET_CONFIG,
  MERMAID_UPDATE_CURRENT_CONFIG,
  mermaidConfigCopy,
  patchGetConfig,
  patchUpdateCurrentConfig,
} from '../../src/build/mermaid-config-copy.ts';
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

describe('the updateCurrentConfig patch', () => {
  it('still finds the definition it replaces in the installed Mermaid, in the chunk that defines getConfig', () => {
    const code = readFileSync(chunk!, 'utf8');
    expect(code.split(MERMAID_UPDATE_CURRENT_CONFIG)).toHaveLength(2);
    const patched = patchUpdateCurrentConfig(code)!;
    expect(patched).not.toContain(MERMAID_UPDATE_CURRENT_CONFIG);
    expect(patched).toContain('let cfg = atpCopySiteConfig(siteCfg);');
  });

  it('leaves code without that definition alone', () => {
    expect(patchUpdateCurrentConfig('var updateCurrentConfig = () => ({});')).toBeUndefined();
  });

  it('is applied with the getConfig patch by the plugin, to Mermaid files only', () => {
    const code = readFileSync(chunk!, 'utf8');
    const transform = mermaidConfigCopy().transform;
    const patched = transform(code, chunk!)!;
    expect(patched).toContain('atpCopyConfig(currentConfig)');
    expect(patched).toContain('atpCopySiteConfig(siteCfg)');
    expect(transform(code, '/src/client/diagram-renderer.ts')).toBeUndefined();
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

describe('copyConfig copies a section only when it is read', () => {
  /** A source whose sections count how often their keys are listed (a copy lists them once). */
  function counted() {
    const reads = { sequence: 0, flowchart: 0 };
    const section = (name: keyof typeof reads, value: Record<string, unknown>) =>
      new Proxy(value, {
        ownKeys(target) {
          reads[name]++;
          return Reflect.ownKeys(target);
        },
      });
    const source = {
      theme: 'default',
      sequence: section('sequence', { width: 128, wrap: false, messageFont: { size: 14 } }),
      flowchart: section('flowchart', { padding: 8 }),
    };
    return { reads, source: source as Record<string, unknown> };
  }

  it('copies nothing until a section is read, then that section once', () => {
    const { reads, source } = counted();
    const copy = copyConfig(source);
    expect(reads).toEqual({ sequence: 0, flowchart: 0 });
    expect(copy.theme).toBe('default');
    const sequence = copy.sequence as Record<string, unknown>;
    expect(sequence).toEqual({ width: 128, wrap: false, messageFont: { size: 14 } });
    expect(copy.sequence).toBe(sequence);
    expect(reads).toEqual({ sequence: 1, flowchart: 0 });
  });

  it('gives the reader its own objects: changes stay in the copy', () => {
    const { source } = counted();
    const copy = copyConfig(source);
    const sequence = copy.sequence as { width: number; messageFont: { size: number } };
    sequence.width = 500;
    sequence.messageFont.size = 20;
    expect((source.sequence as { width: number }).width).toBe(128);
    expect((source.sequence as { messageFont: { size: number } }).messageFont.size).toBe(14);
    expect((copyConfig(source).sequence as { width: number }).width).toBe(128);
  });

  it('takes a whole section written before it was read, and keeps the key order', () => {
    const { reads, source } = counted();
    const copy = copyConfig(source);
    copy.sequence = { width: 1 };
    expect(copy.sequence).toEqual({ width: 1 });
    expect(reads.sequence).toBe(0);
    expect(Object.keys(copy)).toEqual(['theme', 'sequence', 'flowchart']);
    expect({ ...copy }).toEqual({ theme: 'default', sequence: { width: 1 }, flowchart: { padding: 8 } });
    delete copy.flowchart;
    expect(Object.keys(copy)).toEqual(['theme', 'sequence']);
  });
});
