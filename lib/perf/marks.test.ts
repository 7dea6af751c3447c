import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, without types
import * as bench from '../../bench/network-measures.mjs';
import { NETWORK_PROBE_MEASURE, NETWORK_READ_MEASURE } from './marks';

describe('the measure names the benches read', () => {
  it('are the ones the background records', () => {
    expect(bench.NETWORK_READ_MEASURE).toBe(NETWORK_READ_MEASURE);
    expect(bench.NETWORK_PROBE_MEASURE).toBe(NETWORK_PROBE_MEASURE);
  });
});
