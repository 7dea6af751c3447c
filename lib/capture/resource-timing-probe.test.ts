import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeResourceTiming } from './resource-timing-probe';

const LIMITS = { failed: 20, slowest: 5, urlChars: 2048 };

type Entry = { name: string; initiatorType: string; responseStatus?: number; duration: number; startTime: number };

/** A page's `performance` and `PerformanceResourceTiming`, as the probe finds them as globals. */
function page(resources: Entry[], { navigation, statusReported = true }: { navigation?: Entry; statusReported?: boolean } = {}) {
  vi.stubGlobal('PerformanceResourceTiming', statusReported ? class { get responseStatus() { return 0; } } : class {});
  vi.stubGlobal('performance', {
    now: () => 0,
    getEntriesByType: (type: string) => (type === 'navigation' ? (navigation ? [navigation] : []) : type === 'resource' ? resources : []),
  });
}

const entry = (i: number, status: number, duration: number): Entry => ({
  name: `http://127.0.0.1/r/${i}`,
  initiatorType: 'fetch',
  responseStatus: status,
  duration,
  startTime: i,
});

afterEach(() => void vi.unstubAllGlobals());

describe('probeResourceTiming (runs in the page)', () => {
  it('keeps the first failures in start order, counts them all, and the slowest few, slowest first', () => {
    const resources = Array.from({ length: 50 }, (_, i) => entry(i, i % 2 ? 500 : 200, (i * 37) % 101));
    page(resources, { navigation: { name: 'http://127.0.0.1/', initiatorType: 'navigation', responseStatus: 200, duration: 99.5, startTime: 0 } });
    const result = probeResourceTiming(LIMITS);
    expect(result.statusReported).toBe(true);
    expect(result.entryCount).toBe(51);
    expect(result.failedCount).toBe(25);
    expect(result.failed).toHaveLength(20);
    expect(result.failed.map((r) => r[4])).toEqual(Array.from({ length: 20 }, (_, k) => 2 * k + 1));
    const expected = [...resources.map((r) => r.duration), 99.5].sort((a, b) => b - a).slice(0, 5);
    expect(result.slowest.map((r) => r[3])).toEqual(expected);
    expect(result.slowest[0]).toEqual(['http://127.0.0.1/r/30', 'fetch', 200, 100, 30]);
  });

  it('reports no status where the browser has no responseStatus', () => {
    page([entry(1, 404, 10)], { statusReported: false });
    const result = probeResourceTiming(LIMITS);
    expect(result).toMatchObject({ statusReported: false, failedCount: 0, failed: [] });
    expect(result.slowest).toEqual([['http://127.0.0.1/r/1', 'fetch', -1, 10, 1]]);
  });

  it('cuts URLs to urlChars in the page, before they cross to the extension', () => {
    page([{ ...entry(1, 404, 10), name: `http://127.0.0.1/${'a'.repeat(5000)}` }]);
    expect(probeResourceTiming(LIMITS).failed[0]![0]).toHaveLength(2048);
  });

  it('reads 10,000 entries into a few dozen rows', () => {
    page(Array.from({ length: 10_000 }, (_, i) => entry(i, i % 100 === 0 ? 404 : 200, i % 997)));
    const result = probeResourceTiming(LIMITS);
    expect(result).toMatchObject({ entryCount: 10_000, failedCount: 100 });
    expect(result.failed).toHaveLength(20);
    expect(result.slowest.map((r) => r[3])).toEqual([996, 996, 996, 996, 996]);
  });

  it('serialises to a function that needs nothing from its module (executeScript sends only its source)', () => {
    page([entry(3, 503, 42)]);
    const rebuilt = new Function(`return (${probeResourceTiming.toString()})`)() as typeof probeResourceTiming;
    expect(rebuilt(LIMITS).failed).toEqual([['http://127.0.0.1/r/3', 'fetch', 503, 42, 3]]);
  });
});
