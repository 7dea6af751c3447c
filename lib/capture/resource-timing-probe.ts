/**
 * The part of the network read that runs inside the captured page, injected
 * with `scripting.executeScript({ func })` under the capture's `activeTab`
 * grant. executeScript serialises the function's source, so it must be
 * self-contained: no imports, no closures, only globals and its argument.
 *
 * It stays tiny and judges nothing it can leave to lib/capture/network-judge.ts:
 * it only keeps the candidates (the first requests with status ≥ 400, and the
 * slowest few) as raw strings and numbers, cut to `urlChars`. That way a page
 * with 10,000 entries sends a few dozen rows across the process boundary, not
 * megabytes of URLs. Everything it returns is untrusted page data: the judge
 * parses it with zod.
 *
 * Resource Timing: https://w3c.github.io/resource-timing/ (entries in start
 * order, `responseStatus`, `initiatorType`); the navigation entry
 * (https://w3c.github.io/navigation-timing/) is a PerformanceResourceTiming too.
 * The function runs in the extension's isolated world, where a page's own
 * replacement of `performance.getEntriesByType` is not seen (Chrome's isolated
 * worlds and Firefox's Xray vision), but a page can still fill its timeline
 * with anything it fetches, hence the caps.
 */
export interface ProbeLimits {
  failed: number;
  slowest: number;
  urlChars: number;
}

/** One entry as the page gave it: URL, initiator type, status (-1: not reported), duration, start time (ms). */
export type ProbeRow = [string, string, number, number, number];

export interface ProbeResult {
  statusReported: boolean;
  entryCount: number;
  failedCount: number;
  failed: ProbeRow[];
  slowest: ProbeRow[];
  /** How long the read took inside the page, in ms (for the bench; not stored). */
  readMs: number;
}

export function probeResourceTiming(limits: ProbeLimits): ProbeResult {
  const perf = globalThis.performance;
  const began = perf.now();
  const timing = globalThis.PerformanceResourceTiming;
  // Feature test as MDN and the spec's IDL suggest: the attribute is on the prototype where supported.
  const statusReported = typeof timing === 'function' && 'responseStatus' in timing.prototype;
  const entries = [...perf.getEntriesByType('navigation'), ...perf.getEntriesByType('resource')] as PerformanceResourceTiming[];
  const row = (e: PerformanceResourceTiming): ProbeRow => [
    String(e.name).slice(0, limits.urlChars),
    String(e.initiatorType).slice(0, 40),
    statusReported ? Number(e.responseStatus) : -1,
    Number(e.duration),
    Number(e.startTime),
  ];
  const failed: ProbeRow[] = [];
  let failedCount = 0;
  // The slowest so far, kept short and sorted slowest first: one pass, no sort of 10,000 entries.
  // Each attribute is read once per entry: in an isolated world every read is a binding call.
  const slow: PerformanceResourceTiming[] = [];
  const slowMs: number[] = [];
  for (const e of entries) {
    if (statusReported && e.responseStatus >= 400) {
      failedCount++;
      if (failed.length < limits.failed) failed.push(row(e));
    }
    const ms = e.duration;
    if (slow.length < limits.slowest || ms > slowMs[slowMs.length - 1]!) {
      let i = slow.length;
      while (i > 0 && slowMs[i - 1]! < ms) i--;
      slow.splice(i, 0, e);
      slowMs.splice(i, 0, ms);
      if (slow.length > limits.slowest) {
        slow.pop();
        slowMs.pop();
      }
    }
  }
  const slowest = slow.map(row);
  return { statusReported, entryCount: entries.length, failedCount, failed, slowest, readMs: perf.now() - began };
}
