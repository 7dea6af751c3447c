// Every wait in bench/ is bounded and says what it was waiting for: a bench
// that waits on something the app no longer does must fail, not hang (issue 9,
// step 8: the capture step once waited forever for a thumbnail that the
// windowed timeline never rendered).

/** Waits for `promise`, or rejects after `ms` with "bench: timed out after … waiting for <what>". */
export function within(what, ms, promise) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`bench: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The short runs CI makes (npm run bench:smoke): small counts, no targets enforced. */
export const SMOKE = process.env.BENCH_SMOKE === '1';
