// Sums a .cpuprofile (Chrome DevTools Protocol Profiler.stop, e.g. from
// BENCH_PROFILE in bench/first-sync.run.ts) by function: self time and
// total time (self plus callees, each function counted once per sample),
// most first. Usage: node scripts/profile-summary.mjs <file> [rows=30]
import { readFileSync } from 'node:fs';

const [file, rows = '30'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/profile-summary.mjs <file.cpuprofile> [rows]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = ({ callFrame: f }) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

const self = new Map();
const total = new Map();
let all = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  all += ms;
  const node = byId.get(id);
  self.set(label(node), (self.get(label(node)) ?? 0) + ms);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at));
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + ms);
  }
});
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
const line = ([name, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / all).toFixed(1).padStart(5)} %  ${name}`;
console.log(`${all.toFixed(0)} ms sampled\n\nself:\n${top(self).map(line).join('\n')}\n\ntotal:\n${top(total).map(line).join('\n')}`);
