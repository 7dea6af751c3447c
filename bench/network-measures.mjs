// The performance.measure names the background records around each capture's
// network read (entrypoints/background/capture-deps.ts, named in
// lib/perf/marks.ts; lib/perf/marks.test.ts keeps the two in step).
export const NETWORK_READ_MEASURE = 'capture:network-read';
export const NETWORK_PROBE_MEASURE = 'capture:network-probe';

/** How many requests the bench dashboard makes (bench/support.mjs): a realistic page, under the 250-entry default buffer. */
export const DASHBOARD_REQUESTS = 200;
