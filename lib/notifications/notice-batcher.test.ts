import { describe, expect, it, vi } from 'vitest';
import { noticeBatcher, type BatchTimers } from './notice-batcher';
import type { NoticePlan } from './notice-plan';
import type { Notice } from './what-to-notify';

const major = (i: number): Notice => ({ incidentId: `i${i}`, reason: 'major-declared', title: `Major incident: ${i}`, message: 'Join in.' });

/** A hand-driven clock: `advance` runs whatever timer falls due. */
function fakeTimers() {
  let now = 0;
  let due: { at: number; callback: () => void; id: number } | null = null;
  let ids = 0;
  const timers: BatchTimers = {
    set: (callback, ms) => (due = { at: now + ms, callback, id: ++ids }).id,
    clear: (id) => {
      if (due?.id === id) due = null;
    },
    now: () => now,
  };
  return {
    timers,
    advance(ms: number) {
      now += ms;
      if (due && due.at <= now) {
        const { callback } = due;
        due = null;
        callback();
      }
    },
  };
}

describe('noticeBatcher', () => {
  it('plans the pages of one pull together: three notifications and one summary, once', () => {
    const clock = fakeTimers();
    const plans: NoticePlan[] = [];
    const batcher = noticeBatcher((p) => plans.push(p), { quietMs: 1_000, maxWaitMs: 5_000, timers: clock.timers });
    // Three pages of the same pull, 200 ms apart, bringing 5 + 5 + 5 notices.
    for (let page = 0; page < 3; page++) {
      batcher.add(Array.from({ length: 5 }, (_, i) => major(page * 5 + i)));
      clock.advance(200);
    }
    expect(plans).toEqual([]);
    clock.advance(1_000);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.show.map((n) => n.incidentId)).toEqual(['i0', 'i1', 'i2']);
    expect(plans[0]!.summary?.message).toBe("…and 12 more updates in your team's incidents.");
  });

  it('never holds news longer than maxWaitMs, even if pulls keep coming', () => {
    const clock = fakeTimers();
    const deliver = vi.fn();
    const batcher = noticeBatcher(deliver, { quietMs: 1_000, maxWaitMs: 3_000, timers: clock.timers });
    for (let i = 0; i < 10; i++) {
      batcher.add([major(i)]);
      clock.advance(500);
    }
    // Delivered at 3 s with the six that had come by then, though notices kept arriving every 500 ms…
    expect(deliver).toHaveBeenCalledTimes(1);
    expect((deliver.mock.calls[0]![0] as NoticePlan).summary?.more).toBe(3);
    // …and the other four once things went quiet.
    clock.advance(1_000);
    expect(deliver).toHaveBeenCalledTimes(2);
    expect((deliver.mock.calls[1]![0] as NoticePlan).summary?.more).toBe(1);
  });

  it('asks nothing for a pull with no notices', () => {
    const clock = fakeTimers();
    const deliver = vi.fn();
    const batcher = noticeBatcher(deliver, { timers: clock.timers });
    batcher.add([]);
    clock.advance(10_000);
    batcher.flush();
    expect(deliver).not.toHaveBeenCalled();
  });
});
