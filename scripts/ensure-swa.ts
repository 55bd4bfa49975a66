/**
 * Installs the Azure Static Web Apps CLI into tools/swa-cli/ (pinned by its own lockfile) unless
 * it is there: the tests serve the build with its emulator (`swa start`), as Static Web Apps
 * would, to check the generated headers. Install scripts stay off: the CLI's keychain module (for
 * `swa login`, which the emulator never calls) needs a native build that a fresh machine cannot
 * do without a compiler and Node's headers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SWA_DIR = 'tools/swa-cli';
export const SWA_BIN = `${SWA_DIR}/node_modules/@azure/static-web-apps-cli/dist/cli/bin.js`;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (existsSync(SWA_BIN)) {
    console.log(`Static Web Apps CLI: ${SWA_BIN}`);
  } else {
    console.log(`> npm ci --ignore-scripts --prefix ${SWA_DIR}`);
    const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', SWA_DIR], { stdio: 'inherit' });
    if (result.status !== 0 || !existsSync(SWA_BIN)) {
      console.error(`Could not install the Static Web Apps CLI into ${SWA_DIR}.`);
      process.exit(1);
    }
  }
}
