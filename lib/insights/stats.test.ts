import { describe, expect, it } from 'vitest';
import { spreadOf } from './stats';

describe('spreadOf (R-7 quantiles, d3-array)', () => {
  it('is null with no values, the value itself with one', () => {
    expect(spreadOf([])).toBeNull();
    expect(spreadOf([42])).toEqual({ count: 1, median: 42, p90: 42 });
  });

  it('interpolates: [40, 10, 30, 20] sorts to [10, 20, 30, 40]', () => {
    // median: h = 3 × 0.5 = 1.5 → 20 + 0.5 × (30 − 20) = 25; p90: h = 3 × 0.9 = 2.7 → 30 + 0.7 × 10 = 37.
    expect(spreadOf([40, 10, 30, 20])).toEqual({ count: 4, median: 25, p90: 37 });
  });

  it('ties: [5, 5, 5, 9] → median 5, p90 h = 2.7 → 5 + 0.7 × 4 = 7.8', () => {
    const s = spreadOf([5, 5, 5, 9])!;
    expect(s.median).toBe(5);
    expect(s.p90).toBeCloseTo(7.8, 10);
  });
});
