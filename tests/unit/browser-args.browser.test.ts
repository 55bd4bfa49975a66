import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { CHROMIUM_ARGS, testBrowser } from '../../src/browser/resolve.ts';
import { PLAYWRIGHT_DISABLED_FEATURES, TEST_CHROMIUM_ARGS } from '../e2e/browser-args.ts';

/** The value of each `--name=` switch on a running process's command line, in order. */
function switches(pid: number, name: string): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .filter((arg) => arg.startsWith(`--${name}=`))
    .map((arg) => arg.slice(name.length + 3));
}

// The browser tests add a --disable-features of their own, which replaces Playwright's (Chromium
// keeps the last): it must carry Playwright's list as the installed Playwright writes it.
it("the browser tests' --disable-features carries Playwright's own list, and comes last", async () => {
  const server = await chromium.launchServer({ executablePath: testBrowser().executablePath, args: CHROMIUM_ARGS });
  try {
    const [playwrights] = switches(server.process().pid!, 'disable-features');
    expect(playwrights?.split(',')).toEqual(PLAYWRIGHT_DISABLED_FEATURES);
  } finally {
    await server.close();
  }
  const tests = await chromium.launchServer({ executablePath: testBrowser().executablePath, args: TEST_CHROMIUM_ARGS });
  try {
    const all = switches(tests.process().pid!, 'disable-features');
    expect(all.at(-1)?.split(',')).toEqual([...PLAYWRIGHT_DISABLED_FEATURES, 'RenderDocument']);
  } finally {
    await tests.close();
  }
});
