/**
 * `npm test`: every check, phase by phase, and where the time went. The checks that need no build
 * (formatting, types, unit tests, and installing the emulator where `npm ci` did not) run side by side, each with its output
 * held until it ends so the log reads phase by phase; then the build; then the browser tests, with
 * the second build (for a sub-path) and its own browser tests beside them.
 * At the end (pass or fail) it prints each phase's duration, the ten slowest spec files and tests,
 * and what each page-wide check costs (scripts/test-times.ts), so a slowdown shows the day it lands.
 *
 * Usage: node scripts/test.ts [--serial] [--phases format,unit,…]
 *   --serial (or ATP_TEST_SERIAL=1): one phase at a time; --phases: only the phases named.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { printTimes, type PhaseTime } from './test-times.ts';

interface Phase {
  readonly name: string;
  /** The package.json script it runs, and the arguments it is given. */
  readonly script: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Lanes in a group run side by side, the phases of a lane one after the other; groups run one after
 * the other, and stop at the first failure. --phases e2e runs both browser runs.
 */
const GROUPS: readonly (readonly (Phase | readonly Phase[])[])[] = [
  [
    { name: 'format', script: 'format:check' },
    { name: 'typecheck', script: 'typecheck' },
    { name: 'unit', script: 'test:unit' },
    { name: 'setup:swa', script: 'setup:swa' },
  ],
  [{ name: 'build', script: 'build' }],
  // The browser tests that read dist run while the second build writes dist-base (the CPU the
  // build leaves idle goes to the tests), and the ones that need dist-base follow that build.
  [
    [
      { name: 'build:base', script: 'build:base' },
      { name: 'e2e:base', script: 'test:e2e', args: ['--project=base'], env: { ATP_E2E_REPORT: 'test-results/playwright-base.json' } },
    ],
    { name: 'e2e', script: 'test:e2e', args: ['--project=site'] },
  ],
];

const serial = process.argv.includes('--serial') || process.env.ATP_TEST_SERIAL === '1';
const only = process.argv.includes('--phases') ? new Set(process.argv[process.argv.indexOf('--phases') + 1]?.split(',')) : undefined;
const chosen = (phase: Phase) => !only || only.has(phase.name) || (phase.name === 'e2e:base' && only.has('e2e'));
const lanesOf = (group: readonly (Phase | readonly Phase[])[]) =>
  group.map((lane) => (Array.isArray(lane) ? lane : [lane]).filter(chosen)).filter((lane) => lane.length > 0);
const groups = GROUPS.map(lanesOf).filter((group) => group.length > 0);

/** Runs one package script; its output goes straight through when alone, else is held until it ends. */
function run(phase: Phase, alone: boolean): Promise<PhaseTime> {
  const started = performance.now();
  const args = phase.args ? ['--', ...phase.args] : [];
  const child = spawn('npm', ['run', '--silent', phase.script, ...args], {
    stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...phase.env },
  });
  const output: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((done) => {
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (!alone) process.stdout.write(`\n── ${phase.name} (npm run ${phase.script}) ──\n${Buffer.concat(output).toString()}`);
      console.log(`── ${phase.name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s ──`);
      done({ name: phase.name, seconds, ok: code === 0 });
    });
  });
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const started = performance.now();
const times: PhaseTime[] = [];
/** Runs a lane's phases one after the other, up to the first that fails. */
async function runLane(lane: readonly Phase[], alone: boolean): Promise<PhaseTime[]> {
  const laneTimes: PhaseTime[] = [];
  for (const phase of lane) {
    laneTimes.push(await run(phase, alone));
    if (!laneTimes.at(-1)!.ok) break;
  }
  return laneTimes;
}

for (const group of groups) {
  const together = serial ? group.map((lane) => [lane]) : [group];
  for (const lanes of together) times.push(...(await Promise.all(lanes.map((lane) => runLane(lane, lanes.length === 1)))).flat());
  if (times.some((time) => !time.ok)) break;
}
const total = (performance.now() - started) / 1000;
writeFileSync('test-results/phases.json', `${JSON.stringify({ total, phases: times }, null, 2)}\n`);
printTimes(times, total);
process.exit(times.every((time) => time.ok) && times.length === groups.flat(2).length ? 0 : 1);
