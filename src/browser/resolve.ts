import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The one place that decides which Chromium the build, the tests and the PDF command use:
 * 1. `ATP_CHROMIUM` (a path to a Chromium or Chrome executable), if set;
 * 2. the browser Playwright downloaded itself (`npx playwright install chromium`), if present;
 * 3. a system Chromium or Chrome.
 * The browser tests prefer Chromium's headless shell where one is installed (`testBrowser`).
 */
export const BROWSER_ENV = 'ATP_CHROMIUM';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const INSTALL_HINT = [
  'No Chromium was found for rendering diagrams and running the browser tests.',
  'Install one of these, then run the command again:',
  '  npx playwright install chromium                     (any OS with internet access)',
  '  sudo apt-get install -y chromium fonts-noto-cjk     (Debian/Ubuntu)',
  `or point ${BROWSER_ENV} at an existing Chromium or Chrome executable.`,
].join('\n');

export interface ResolvedBrowser {
  readonly executablePath: string;
  readonly source: 'env' | 'playwright' | 'system';
}

function playwrightBrowser(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findBrowser(env: NodeJS.ProcessEnv = process.env): ResolvedBrowser | undefined {
  const override = env[BROWSER_ENV];
  if (override) {
    if (!existsSync(override)) throw new Error(`${BROWSER_ENV}=${override} does not exist.\n${INSTALL_HINT}`);
    return { executablePath: override, source: 'env' };
  }
  const bundled = playwrightBrowser();
  if (bundled) return { executablePath: bundled, source: 'playwright' };
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  return system ? { executablePath: system, source: 'system' } : undefined;
}

export function resolveBrowser(env: NodeJS.ProcessEnv = process.env): ResolvedBrowser {
  const found = findBrowser(env);
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** Chromium's headless shell as Debian installs it (package chromium-headless-shell). */
export const HEADLESS_SHELLS = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];

/**
 * The browser the browser tests (Playwright) drive: `ATP_CHROMIUM` if set; else Chromium's
 * headless shell, where installed; else the build's browser. The shell is the same engine (Blink
 * and V8 of the same version) without the desktop browser around it, and what Playwright itself
 * runs for headless tests; on the 2-core machine its browser process used a third of the full
 * browser's CPU, and the same specs about a fifth less CPU in all. The build's diagrams and PDF,
 * and what `npm run measure` times, stay on the full browser a reader has.
 */
export function testBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): ResolvedBrowser {
  if (env[BROWSER_ENV]) return resolveBrowser(env);
  const shell = HEADLESS_SHELLS.find(exists);
  return shell ? { executablePath: shell, source: 'system' } : resolveBrowser(env);
}

/**
 * Flags for a headless Chromium on a locked-down machine: no sandbox when running as root,
 * and no background network traffic that a closed network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium from `resolveBrowser()`, for the build's diagrams and the scripts. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: resolveBrowser().executablePath, args: CHROMIUM_ARGS });
}
