import { CHROMIUM_ARGS } from '../../src/browser/resolve.ts';

/**
 * The --disable-features list Playwright launches Chromium with (its chromiumSwitches), as the
 * installed Playwright writes it; tests/unit/browser-args.browser.test.ts reads it back from a
 * launched browser's command line, so an upgrade that changes it fails there, not silently here.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The browser tests' Chromium: the site's usual flags, and RenderDocument off. With it on (the
 * default), every navigation builds its frame anew even within one site; the suite navigates
 * some 1,500 times, and with it off the same specs used about a tenth less CPU on the 2-core
 * machine. Nothing the tests check depends on it (it is how Chromium hosts a document, not what
 * the document does). Chromium keeps only the last --disable-features it is given, so this one
 * carries Playwright's list too.
 */
export const TEST_CHROMIUM_ARGS = [...CHROMIUM_ARGS, `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'RenderDocument'].join(',')}`];
