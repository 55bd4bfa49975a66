/**
 * Makes sure a Chromium (and Japanese fonts, on Linux) is present before the build renders
 * diagrams or the tests open pages. Order: whatever src/browser/resolve.ts finds; otherwise
 * Playwright's own download (works on a machine with internet access); otherwise, as root on
 * Debian, `apt-get install chromium fonts-noto-cjk`. If none works, it prints the commands.
 * The PDF sets Japanese in MigMix (Debian: fonts-migmix), a TrueType font Chromium embeds as a
 * subset, and its tests read it with `pdftotext` and `pdffonts` (Debian: poppler-utils).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, HEADLESS_SHELLS, INSTALL_HINT } from '../src/browser/resolve.ts';

function run(command: string, args: string[]): boolean {
  console.log(`> ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

/** Whether fontconfig lists a font for the pattern (`:lang=ja`, a family name); true off Linux. */
function hasFont(pattern: string): boolean {
  if (process.platform !== 'linux') return true;
  try {
    return execFileSync('fc-list', [pattern], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = isRoot && existsSync('/usr/bin/apt-get');
const aptPackages: string[] = [];

let browser = findBrowser();
if (!browser) {
  run('npx', ['playwright', 'install', 'chromium']);
  browser = findBrowser();
  if (!browser) aptPackages.push('chromium');
}
if (!hasFont(':lang=ja')) aptPackages.push('fonts-noto-cjk');
if (!hasFont('MigMix 1P')) aptPackages.push('fonts-migmix');
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (!hasPdftotext) aptPackages.push('poppler-utils');

if (aptPackages.length > 0) {
  if (canApt) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...aptPackages], { stdio: 'inherit', env });
    browser = findBrowser();
  } else {
    if (aptPackages.includes('fonts-noto-cjk') && browser) {
      console.warn('Warning: no Japanese font found; diagrams with Japanese labels may be laid out badly.');
      console.warn('Install one, e.g. `sudo apt-get install -y fonts-noto-cjk`.');
    }
    if (aptPackages.includes('fonts-migmix')) {
      console.warn('Warning: MigMix not found; the PDF will embed Japanese text as Type 3 glyphs (large, and the PDF test fails).');
      console.warn('Install it, e.g. `sudo apt-get install -y fonts-migmix`.');
    }
    if (aptPackages.includes('poppler-utils')) {
      console.warn('Warning: pdftotext not found; the PDF test will fail. Install poppler-utils (Debian/Ubuntu) or poppler.');
    }
  }
}

if (!browser) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
console.log(`Chromium: ${browser.executablePath} (${browser.source})`);
if (process.platform === 'linux' && !HEADLESS_SHELLS.some((path) => existsSync(path))) {
  console.log("The browser tests run on this Chromium; with Chromium's headless shell they use about a fifth less CPU");
  console.log('(Debian: `sudo apt-get install -y chromium-headless-shell`; .ci/run installs it).');
}
