// `npm run test:suites` (what `npm test` ends with): every suite, in two
// lanes that run side by side once the builds are done.
//
// Why lanes: the suites are mostly waiting — a browser starting, a page
// loading, PostgreSQL answering, a fake clock's real seconds — and run one
// after another they took 19 min 26 s of the 20-minute CI budget (issue 12's
// last run). Chromium's and Firefox's end-to-end suites share nothing (each
// starts its own browsers, stand-ins and throwaway PostgreSQL clusters on
// free ports, test/support/postgres.ts), so each browser gets a lane:
//
//   builds (one after another: they share .wxt/ and node_modules/.vite)
//   ├─ chromium: unit → Chromium end to end → Chromium benches (smoke) → vitest benches (smoke)
//   └─ firefox:  database → web-ext lint → Firefox end to end → Firefox benches (smoke)
//
// Each lane's lines are prefixed with its name. A lane stops at its first
// failed step (what follows needs it: a browser suite its build), the other
// lane runs on, so one run shows both browsers' failures; the exit code is
// non-zero if any step failed. A summary of every step's time ends the run.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const npm = (script, env = {}) => ({ label: script, cmd: 'npm', args: ['run', '--silent', script], env });
const node = (label, args, env = {}) => ({ label, cmd: 'node', args, env });

const SETUP = [npm('typecheck'), npm('build'), npm('build:e2e'), npm('build:firefox'), npm('build:firefox:e2e')];

const LANES = {
  chromium: [
    npm('test:unit'),
    npm('test:e2e:run'),
    node('bench (Chromium, smoke)', ['bench/run.mjs'], { BENCH_SMOKE: '1', BENCH_BROWSERS: 'chromium' }),
    npm('bench:smoke:vitest'),
  ],
  firefox: [
    npm('test:db'),
    npm('lint:firefox:run'),
    npm('test:e2e:firefox:run'),
    node('bench (Firefox, smoke)', ['bench/run.mjs'], { BENCH_SMOKE: '1', BENCH_BROWSERS: 'firefox' }),
  ],
};

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one step, each output line prefixed; resolves with its exit code. */
function run(step, prefix) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { env: { ...process.env, ...step.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: stream }).on('line', (line) => out.write(prefix ? `[${prefix}] ${line}\n` : `${line}\n`));
    }
    child.on('error', (error) => {
      console.error(`${prefix ? `[${prefix}] ` : ''}${step.label}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function runSteps(steps, prefix, { stopOnFailure }) {
  const results = [];
  for (const step of steps) {
    const started = Date.now();
    const code = await run(step, prefix);
    results.push({ lane: prefix ?? 'setup', step: step.label, code, ms: Date.now() - started });
    console.log(`${prefix ? `[${prefix}] ` : ''}suites: ${step.label} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds(Date.now() - started)}`);
    if (code !== 0 && stopOnFailure) break;
  }
  return results;
}

const started = Date.now();
// A failed build or type error stops everything: nothing after it can pass.
const setup = await runSteps(SETUP, null, { stopOnFailure: true });
const results = [...setup];
if (setup.every((r) => r.code === 0)) {
  const lanes = await Promise.all(Object.entries(LANES).map(([name, steps]) => runSteps(steps, name, { stopOnFailure: true })));
  results.push(...lanes.flat());
}

console.log(`\nsuites: ${seconds(Date.now() - started)} in all`);
for (const r of results) console.log(`  ${r.lane.padEnd(8)} ${r.step.padEnd(28)} ${seconds(r.ms).padStart(8)}  ${r.code === 0 ? 'passed' : 'FAILED'}`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
