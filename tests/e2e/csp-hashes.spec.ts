/**
 * SPEC §12, without a browser: every script a browser would run inline, on every built page, is
 * allowed by the policy the build wrote, and nothing needs more than a hash would allow (an
 * event-handler attribute or a `javascript:` URL is blocked by a policy without 'unsafe-inline').
 * The pages are read with an HTML tree (ultrahtml), not with the build's own reader, so a script
 * that reader missed, or a page changed after the policy was written, fails here. The emulator
 * (static-web-app.spec.ts) checks that a real host serves this policy, on a sample of pages.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ELEMENT_NODE, parse, TEXT_NODE, walkSync, type Node } from 'ultrahtml';
import { htmlFiles } from '../../src/build/dist.ts';
import { expect, test } from './fixtures.ts';

const CONFIG = JSON.parse(readFileSync('dist/staticwebapp.config.json', 'utf8')) as { globalHeaders: Record<string, string> };
const POLICY = CONFIG.globalHeaders['Content-Security-Policy'] ?? '';
const SCRIPT_SRC = POLICY.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';

/** What an HTML tree says each page would run or try to run inline. */
function inlineCode(html: string): { scripts: string[]; handlers: string[] } {
  const scripts: string[] = [];
  const handlers: string[] = [];
  walkSync(parse(html) as Node, (node: Node) => {
    if (node.type !== ELEMENT_NODE) return;
    const attributes = node.attributes as Record<string, string>;
    for (const [name, value] of Object.entries(attributes)) {
      if (/^on/i.test(name)) handlers.push(`${node.name} ${name}`);
      if (/^\s*javascript:/i.test(String(value))) handlers.push(`${node.name} ${name}=javascript:`);
    }
    // Inside an <svg> a script element is SVG's; the site has none, and a policy covers both.
    if (node.name.toLowerCase() !== 'script' || 'src' in attributes) return;
    const type = (attributes.type ?? '').trim().toLowerCase();
    if (!['', 'module', 'text/javascript', 'application/javascript'].includes(type)) return;
    scripts.push(node.children.map((child: Node) => (child.type === TEXT_NODE ? child.value : '')).join(''));
  });
  return { scripts, handlers };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test("every inline script of every built page is in the policy's script-src, and no page has inline handlers", () => {
  expect(SCRIPT_SRC).not.toContain("'unsafe-inline'");
  const files = htmlFiles('dist');
  expect(files.length).toBeGreaterThan(30);
  const missing: string[] = [];
  const handlers: string[] = [];
  let scripts = 0;
  for (const file of files) {
    const found = inlineCode(readFileSync(file, 'utf8'));
    scripts += found.scripts.length;
    for (const script of found.scripts) if (!SCRIPT_SRC.includes(sha256(script))) missing.push(`${file}: ${script.slice(0, 60)}`);
    handlers.push(...found.handlers.map((handler) => `${file}: ${handler}`));
  }
  expect(scripts, 'inline scripts found').toBeGreaterThan(files.length);
  expect(missing).toEqual([]);
  expect(handlers).toEqual([]);
});

test('_headers carries the same policy for other hosts', () => {
  expect(readFileSync('dist/_headers', 'utf8')).toContain(`Content-Security-Policy: ${POLICY}\n`);
});
