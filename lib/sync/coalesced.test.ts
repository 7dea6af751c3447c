import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesced';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('coalesced', () => {
  it('runs one round at a time and folds calls made during a round into one more', async () => {
    const gates = [gate(), gate()];
    let started = 0;
    let active = 0;
    let most = 0;
    const run = coalesced(async () => {
      const mine = gates[started++]!;
      active++;
      most = Math.max(most, active);
      await mine.opened;
      active--;
    });
    const first = run();
    const second = run();
    const third = run();
    expect(started).toBe(1);
    gates[0]!.open();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(2); // the two calls during round 1 asked for one more round, not two
    gates[1]!.open();
    await Promise.all([first, second, third]);
    expect(started).toBe(2);
    expect(most).toBe(1);
  });

  it('starts afresh after the rounds end, and a failed round rejects its callers without wedging', async () => {
    let calls = 0;
    const run = coalesced(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
    });
    await expect(run()).rejects.toThrow('offline');
    await run();
    expect(calls).toBe(2);
  });
});
