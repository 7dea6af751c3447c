import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick } from './hlc';

describe('hybrid logical clock', () => {
  it('round-trips through its string form', () => {
    const h = { wall: 1_764_180_000_123, counter: 42, node: 'a1b2c3' };
    expect(formatHlc(h)).toBe('001764180000123-00042-a1b2c3');
    expect(parseHlc(formatHlc(h))).toEqual(h);
  });

  it('rejects malformed text', () => {
    expect(() => parseHlc('1764180000123-1-a')).toThrow(/Not a hybrid logical clock/);
    expect(() => parseHlc('001764180000123-00042-NODE!')).toThrow();
  });

  it('uses wall time when it moves forward', () => {
    expect(tick({ wall: 100, counter: 7, node: 'a' }, 200, 'a')).toEqual({ wall: 200, counter: 0, node: 'a' });
  });

  it('never goes backwards when the wall clock does (a restarted worker, NTP step)', () => {
    let h = tick(null, 5_000, 'a');
    const seen = [formatHlc(h)];
    for (const now of [4_000, 4_000, 5_000, 1, 5_001, 5_001]) {
      h = tick(h, now, 'a');
      seen.push(formatHlc(h));
    }
    const sorted = [...seen].sort();
    expect(seen).toEqual(sorted);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('borrows a millisecond instead of overflowing the counter', () => {
    const h = tick({ wall: 10, counter: 99_999, node: 'a' }, 10, 'a');
    expect(h).toEqual({ wall: 11, counter: 0, node: 'a' });
    expect(formatHlc(h) > formatHlc({ wall: 10, counter: 99_999, node: 'a' })).toBe(true);
  });

  it('advances past a remote timestamp from a clock that runs ahead', () => {
    const local = { wall: 1_000, counter: 3, node: 'a' };
    const remote = { wall: 3_600_000 + 1_000, counter: 9, node: 'b' };
    const h = receive(local, remote, 1_001, 'a');
    expect(formatHlc(h) > formatHlc(remote)).toBe(true);
    const next = tick(h, 1_002, 'a');
    expect(formatHlc(next) > formatHlc(h)).toBe(true);
  });

  it('takes the larger counter when all three walls agree', () => {
    expect(receive({ wall: 5, counter: 2, node: 'a' }, { wall: 5, counter: 8, node: 'b' }, 5, 'a')).toEqual({
      wall: 5,
      counter: 9,
      node: 'a',
    });
    expect(receive(null, { wall: 5, counter: 8, node: 'b' }, 1, 'a')).toEqual({ wall: 5, counter: 9, node: 'a' });
    expect(receive(null, { wall: 5, counter: 8, node: 'b' }, 9, 'a')).toEqual({ wall: 9, counter: 0, node: 'a' });
  });
});
