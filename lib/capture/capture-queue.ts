/**
 * Chrome allows `tabs.captureVisibleTab` at most twice per second per
 * extension (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND; calls beyond it fail).
 * This queue runs captures one at a time, starting each at least
 * `minIntervalMs` after the previous one started, so ten rapid clicks give ten
 * images and no error. If Chrome still refuses for quota (a restarted worker
 * forgot the last start), the capture is retried after a pause.
 * https://developer.chrome.com/docs/extensions/reference/api/tabs#property-MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND
 */
export interface CaptureQueueOptions {
  minIntervalMs?: number;
  retries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const QUOTA_ERROR = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;

export function createCaptureQueue({
  minIntervalMs = 520,
  retries = 3,
  now = () => Date.now(),
  sleep = (ms) => new Promise((ok) => setTimeout(ok, ms)),
}: CaptureQueueOptions = {}) {
  let tail: Promise<unknown> = Promise.resolve();
  let lastStart = -Infinity;
  let pending = 0;

  async function runSpaced<T>(task: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const wait = lastStart + minIntervalMs - now();
      if (wait > 0) await sleep(wait);
      lastStart = now();
      try {
        return await task();
      } catch (error) {
        if (attempt >= retries || !QUOTA_ERROR.test(String(error))) throw error;
      }
    }
  }

  return {
    /** Runs `task` (one captureVisibleTab and what must happen right around it) in turn. */
    enqueue<T>(task: () => Promise<T>): Promise<T> {
      pending += 1;
      const run = tail.then(() => runSpaced(task));
      tail = run.catch(() => undefined).finally(() => (pending -= 1));
      return run;
    },
    get pending() {
      return pending;
    },
  };
}
