import { planNotices, type NoticePlan } from './notice-plan';
import type { Notice } from './what-to-notify';

export interface BatchTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

const realTimers: BatchTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Gathers the notices of one pull before planning them. A pull reports in
 * pages (lib/sync/pull.ts calls onApplied once per page of 500), and Realtime
 * pokes a new pull for every teammate's insert, so one burst of news arrives
 * as several calls. Notices are held until `quietMs` pass with nothing new
 * (never longer than `maxWaitMs` after the first), then planned together:
 * at most three notifications and one summary for the whole burst.
 */
export function noticeBatcher(
  deliver: (plan: NoticePlan) => void,
  { quietMs = 1_500, maxWaitMs = 5_000, timers = realTimers }: { quietMs?: number; maxWaitMs?: number; timers?: BatchTimers } = {},
) {
  let pending: Notice[] = [];
  let firstAt = 0;
  let handle: unknown = null;

  function flush(): void {
    if (handle !== null) timers.clear(handle);
    handle = null;
    const batch = pending;
    pending = [];
    if (batch.length) deliver(planNotices(batch));
  }

  function add(notices: readonly Notice[]): void {
    if (!notices.length) return;
    if (!pending.length) firstAt = timers.now();
    pending.push(...notices);
    if (handle !== null) timers.clear(handle);
    handle = timers.set(flush, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - timers.now())));
  }

  return { add, flush };
}
