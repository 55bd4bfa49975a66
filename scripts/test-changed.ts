/**
 * The inner loop: the unit tests and the browser tests related to the files changed since a Git
 * ref (default `main`, or `HEAD` on main itself), committed or not, for the minutes between commits.
 *
 * - Unit tests: Vitest's own `--changed <ref>` (the tests that import a changed file, and changed tests).
 * - Browser tests: every changed spec, and every spec that imports a changed helper of tests/e2e; the
 *   specs whose name shares a word with a changed source file (src/model/traffic-manager.ts →
 *   traffic-manager.spec.ts); and the page-wide checks (site-pages.spec.ts) of the pages whose slug
 *   is such a word (content/docs/en/faq/client-ip.mdx → /ja/faq/client-ip/ and /en/faq/client-ip/).
 *   A changed file shared by every page (a component, a style, the client script, the
 *   configuration) runs the page-wide checks on every page. The browser tests run against a fresh
 *   build: it is rebuilt first when a changed file is newer than dist/ (skip with --no-build).
 *
 * Usage: npm run test:changed [-- --base <ref>] [--no-build] [--dry-run]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

const git = (...argv: string[]) => spawnSync('git', argv, { encoding: 'utf8' }).stdout.trim();
const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
const base = args.base ?? (branch === 'main' || !git('rev-parse', '--verify', '--quiet', 'main') ? 'HEAD' : 'main');
// Committed since the branch left `base`, and what the working tree changed on top, and new files.
const since = base === 'HEAD' ? 'HEAD' : git('merge-base', 'HEAD', base) || base;
const changed = [
  ...new Set([...git('diff', '--name-only', since).split('\n'), ...git('ls-files', '--others', '--exclude-standard').split('\n')]),
]
  .filter(Boolean)
  .filter((file) => existsSync(file));

const E2E = 'tests/e2e';
const specs = readdirSync(E2E).filter((name) => name.endsWith('.spec.ts'));
/** `src/model/traffic-manager.ts` → `traffic-manager`; `content/docs/en/faq/client-ip.mdx` → `client-ip`. */
const nameOf = (file: string) => basename(file).split('.')[0]!;

/** Files every page is built from: a change there can move any page. */
const SHARED =
  /^(components\/|src\/client\/|src\/diagram\/|src\/browser\/|src\/view\/(explorer|hops|table|markdown|errors|tree)\.ts|src\/[^/]+\.ts$|content\/i18n\/|astro\.config|content\.config|package(-lock)?\.json|public\/)/;

const chosen = new Set<string>();
/** Page paths without the language, e.g. `/faq/client-ip/`; `/` is the overview. */
const pages = new Set<string>();
let everyPage = false;
for (const file of changed) {
  const name = nameOf(file);
  if (file.startsWith(`${E2E}/`)) {
    if (file.endsWith('.spec.ts')) chosen.add(basename(file));
    // A helper: the specs that import it.
    else for (const spec of specs) if (readFileSync(join(E2E, spec), 'utf8').includes(`./${basename(file)}'`)) chosen.add(spec);
    continue;
  }
  if (!/\.(ts|mjs|astro|mdx|md|css|json)$/.test(file) || file.startsWith('tests/')) continue;
  if (SHARED.test(file)) everyPage = true;
  const page = /^content\/docs\/(?:ja|en)\/(.+)\.mdx?$/.exec(file)?.[1];
  if (page !== undefined) pages.add(page === 'index' ? '/' : `/${page.replace(/\/index$/, '')}/`);
  // The engine and view of a service: its page, and the specs named for it.
  if (/^src\/(model|view)\//.test(file)) pages.add(`/${name}/`);
  if (name.length >= 3) for (const spec of specs) if (spec.includes(name)) chosen.add(spec);
}

console.log(`Changed since ${since === base ? base : `${base} (merge-base ${since.slice(0, 8)})`}: ${changed.length} file(s)`);
const vitest = ['node_modules/.bin/vitest', 'run', '--changed', since];
// The page-wide checks: every page, or the pages named like a changed file, in both languages.
// A test's title starts with its page's path, e.g. `/ja/faq/client-ip/ › 1280 › …`.
const grep = everyPage ? undefined : [...pages].map((path) => ` /(ja|en)${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `).join('|');
if (everyPage || pages.size > 0) chosen.add('site-pages.spec.ts');
const others = [...chosen].filter((spec) => spec !== 'site-pages.spec.ts').sort();
console.log(`Unit: ${vitest.join(' ')}`);
console.log(`Browser specs: ${others.join(', ') || 'none'}`);
if (chosen.has('site-pages.spec.ts')) console.log(`Page-wide checks: ${everyPage ? 'every page' : `pages matching ${grep}`}`);
if (args['dry-run']) process.exit(0);

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
let ok = run(vitest);

if (chosen.size > 0) {
  const newest = Math.max(...changed.filter((file) => !file.startsWith('tests/')).map((file) => statSync(file).mtimeMs), 0);
  const built = existsSync('dist/links.json') ? statSync('dist/links.json').mtimeMs : 0;
  if (!args['no-build'] && newest > built) {
    console.log('A changed file is newer than dist/: npm run build');
    ok = run(['npm', 'run', 'build']) && ok;
  }
  const playwright = ['node_modules/.bin/playwright', 'test'];
  if (others.length > 0) ok = run([...playwright, ...others.map((spec) => `${E2E}/${spec}`)]) && ok;
  if (chosen.has('site-pages.spec.ts')) ok = run([...playwright, `${E2E}/site-pages.spec.ts`, ...(grep ? ['--grep', grep] : [])]) && ok;
}
process.exit(ok ? 0 : 1);
