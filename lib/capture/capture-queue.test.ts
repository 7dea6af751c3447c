import { describe, expect, it } from 'vitest';
import { createCaptureQueue } from './capture-queue';

/** A fake clock: sleeping advances time instantly, so tests are exact and fast. */
function fakeTime() {
  let t = 1_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe('capture queue', () => {
  it('spaces ten rapid captures so no two start within the limit, and all ten succeed', async () => {
    const time = fakeTime();
    const queue = createCaptureQueue({ minIntervalMs: 520, ...time });
    const starts: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.enqueue(async () => {
          starts.push(time.now());
          return `image ${i}`;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => `image ${i}`));
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(520);
    // Never more than two starts inside any one-second window (Chrome's rule).
    for (const s of starts) expect(starts.filter((x) => x >= s && x < s + 1000).length).toBeLessThanOrEqual(2);
  });

  it('does not delay a capture when the last one was long ago', async () => {
    const time = fakeTime();
    const queue = createCaptureQueue({ minIntervalMs: 520, ...time });
    await queue.enqueue(async () => 1);
    time.sleep(5_000);
    const before = time.now();
    await queue.enqueue(async () => 2);
    expect(time.now()).toBe(before);
  });

  it('keeps going after a failed capture and reports the failure to its caller only', async () => {
    const queue = createCaptureQueue(fakeTime());
    const failed = queue.enqueue(async () => {
      throw new Error('Cannot access contents of url "chrome://settings/"');
    });
    const next = queue.enqueue(async () => 'ok');
    await expect(failed).rejects.toThrow(/chrome:\/\/settings/);
    await expect(next).resolves.toBe('ok');
    expect(queue.pending).toBe(0);
  });

  it('retries when Chrome still says the per-second quota is exceeded', async () => {
    const time = fakeTime();
    const queue = createCaptureQueue({ ...time, retries: 2 });
    let calls = 0;
    const result = await queue.enqueue(async () => {
      calls += 1;
      if (calls < 3) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return 'image';
    });
    expect(result).toBe('image');
    expect(calls).toBe(3);
  });

  it('gives up after the retries', async () => {
    const queue = createCaptureQueue({ ...fakeTime(), retries: 1 });
    await expect(
      queue.enqueue(async () => {
        throw new Error('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND');
      }),
    ).rejects.toThrow(/MAX_CAPTURE/);
  });
});
