import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkContextSchema } from '../model/network-context';
import { judgeNetwork, PROBE_LIMITS } from './network-judge';
import { startNetworkRead, NETWORK_READ_GRACE_MS } from './network-read';
import { probeResourceTiming, type ProbeResult, type ProbeRow } from './resource-timing-probe';
import { REDACTED } from './request-url';

const row = (path: string, status: number, duration: number, start = 0, initiator = 'fetch'): ProbeRow => [
  `https://shop.example${path}`,
  initiator,
  status,
  duration,
  start,
];

const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({
  statusReported: true,
  entryCount: 40,
  failedCount: 2,
  failed: [row('/api/cart?token=abc', 500, 120, 5), row('/img/x.png', 404, 8, 9, 'img')],
  slowest: [row('/api/search', 200, 900, 3), row('/api/cart?token=abc', 500, 120, 5), row('/', 200, 1500.26, 0, 'navigation')],
  readMs: 0.4,
  ...over,
});

describe('judgeNetwork', () => {
  it('keeps failures in start order and the slowest slowest-first, with secrets stripped', () => {
    expect(judgeNetwork(probe())).toEqual({
      statusReported: true,
      entryCount: 40,
      failedCount: 2,
      failed: [
        { url: `https://shop.example/api/cart?token=${REDACTED}`, initiator: 'fetch', status: 500, durationMs: 120 },
        { url: 'https://shop.example/img/x.png', initiator: 'img', status: 404, durationMs: 8 },
      ],
      slowest: [
        { url: 'https://shop.example/', initiator: 'navigation', status: 200, durationMs: 1500.3 },
        { url: 'https://shop.example/api/search', initiator: 'fetch', status: 200, durationMs: 900 },
        { url: `https://shop.example/api/cart?token=${REDACTED}`, initiator: 'fetch', status: 500, durationMs: 120 },
      ],
    });
  });

  it('never calls status 0 (cross-origin without Timing-Allow-Origin) a failure', () => {
    const context = judgeNetwork(probe({ failed: [row('/x', 0, 5)], failedCount: 0, slowest: [row('/cdn.js', 0, 700)] }))!;
    expect(context.failed).toEqual([]);
    expect(context.failedCount).toBe(0);
    expect(context.slowest[0]).toMatchObject({ status: 0, durationMs: 700 });
  });

  it('keeps durations only where the browser reports no status', () => {
    const context = judgeNetwork(probe({ statusReported: false, failed: [row('/x', 500, 5)], slowest: [row('/a', -1, 70)] }))!;
    expect(context).toMatchObject({ statusReported: false, failed: [], failedCount: 0 });
    expect(context.slowest).toEqual([{ url: 'https://shop.example/a', initiator: 'fetch', durationMs: 70 }]);
  });

  it('drops a row that does not parse, keeps the rest', () => {
    const context = judgeNetwork(
      probe({
        // What a page could put in its own timeline, or a probe gone wrong.
        failed: [row('/ok', 502, 1), ['javascript:alert(1)', 'x', 500, 1, 0], [42, 'fetch', 500, 1, 0], row('/neg', 500, -3), 'junk'] as ProbeRow[],
        slowest: [row('/nan', 200, Number.NaN), row('/inf', 200, Number.POSITIVE_INFINITY), row('/fine', 200, 3)],
      }),
    )!;
    // javascript: is not http(s): only its scheme is kept.
    expect(context.failed.map((r) => r.url)).toEqual(['https://shop.example/ok', 'javascript:…']);
    expect(context.slowest.map((r) => r.url)).toEqual(['https://shop.example/fine']);
  });

  it('never lets the page claim fewer failures or entries than it showed', () => {
    const context = judgeNetwork(probe({ entryCount: 0, failedCount: 0 }))!;
    expect(context.failedCount).toBe(2);
    expect(context.entryCount).toBe(3);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['an error the probe returned', { failed: 'performance.getEntriesByType is not a function' }],
    ['too many rows', probe({ failed: Array.from({ length: PROBE_LIMITS.failed + 1 }, () => row('/x', 500, 1)) })],
    ['a negative count', probe({ entryCount: -1 })],
    ['a status that is not a boolean', { ...probe(), statusReported: 'yes' }],
  ])('gives no context for %s', (_, raw) => {
    expect(judgeNetwork(raw)).toBeUndefined();
  });

  it('judges what the real probe reads from a page with 10,000 entries', () => {
    vi.stubGlobal('PerformanceResourceTiming', class { get responseStatus() { return 0; } });
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      name: `https://shop.example/api/item/${i}?session=s${i}`,
      initiatorType: 'fetch',
      responseStatus: i % 250 === 0 ? 503 : i % 3 === 0 ? 0 : 200,
      duration: (i * 7919) % 10_007,
      startTime: i,
    }));
    vi.stubGlobal('performance', { now: () => 0, getEntriesByType: (t: string) => (t === 'resource' ? entries : []) });
    const context = judgeNetwork(probeResourceTiming(PROBE_LIMITS))!;
    expect(networkContextSchema.parse(context)).toEqual(context);
    expect(context).toMatchObject({ entryCount: 10_000, failedCount: 40 });
    expect(context.failed).toHaveLength(20);
    expect(context.slowest).toHaveLength(5);
    expect(JSON.stringify(context)).not.toMatch(/session=s\d/);
  });
});

describe('startNetworkRead', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('settles to the judged context', async () => {
    await expect(startNetworkRead(async () => probe()).settle()).resolves.toMatchObject({ failedCount: 2 });
  });

  it('settles to nothing when the page cannot be scripted, or the read throws at once', async () => {
    await expect(startNetworkRead(() => Promise.reject(new Error('Missing host permission for the tab'))).settle()).resolves.toBeUndefined();
    await expect(
      startNetworkRead(() => {
        throw new Error('sync');
      }).settle(),
    ).resolves.toBeUndefined();
  });

  it('gives up on a stuck page after the grace period, counted from when the image is ready', async () => {
    vi.useFakeTimers();
    const read = startNetworkRead(() => new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(10 * NETWORK_READ_GRACE_MS); // the capture itself took long: no grace used up
    let settled: unknown = 'pending';
    void read.settle().then((v) => (settled = v));
    await vi.advanceTimersByTimeAsync(NETWORK_READ_GRACE_MS - 1);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeUndefined();
  });
});
