import { quantileSorted } from 'd3-array';

/** The middle and the 90th percentile of some durations, and how many there were. */
export interface Spread {
  count: number;
  median: number;
  p90: number;
}

/**
 * d3-array's quantileSorted is the R-7 definition (Hyndman & Fan 1996, the
 * default of R, NumPy and spreadsheets' PERCENTILE.INC): position h = (n − 1)·p,
 * interpolated linearly between the values either side. So the median of
 * [1, 2, 3, 4] is 2.5, and p90 of [10, 20] is 10 + 0.9 × 10 = 19.
 * https://d3js.org/d3-array/summarize#quantile
 */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: quantileSorted(sorted, 0.5)!, p90: quantileSorted(sorted, 0.9)! };
}
