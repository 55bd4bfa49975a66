import { describe, expect, it } from 'vitest';
import { BROWSER_ENV, HEADLESS_SHELLS, resolveBrowser, testBrowser } from '../../src/browser/resolve.ts';

describe('the browser tests’ Chromium', () => {
  it('is the headless shell where one is installed', () => {
    const [lib, bin] = HEADLESS_SHELLS;
    expect(testBrowser({}, (path) => path === bin).executablePath).toBe(bin);
    expect(testBrowser({}, () => true).executablePath).toBe(lib);
  });

  it('is the build’s browser where no shell is installed', () => {
    expect(testBrowser({}, () => false)).toEqual(resolveBrowser({}));
  });

  it('is ATP_CHROMIUM where that is set, shell or not', () => {
    const chosen = process.execPath; // any file that exists
    expect(testBrowser({ [BROWSER_ENV]: chosen }, () => true)).toEqual({ executablePath: chosen, source: 'env' });
  });
});
