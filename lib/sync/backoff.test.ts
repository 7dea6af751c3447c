import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base, between half and all of the ceiling', () => {
    expect(backoffDelay(0, () => 0)).toBe(1_000);
    expect(backoffDelay(0, () => 1)).toBe(2_000);
    expect(backoffDelay(3, () => 0)).toBe(8_000);
    expect(backoffDelay(3, () => 1)).toBe(16_000);
  });

  it('is capped, however many failures', () => {
    expect(backoffDelay(40, () => 1)).toBe(300_000);
    expect(backoffDelay(40, () => 0)).toBe(150_000);
  });

  it('spreads clients that fail together', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, random)));
    expect(delays.size).toBeGreaterThan(15);
  });
});
