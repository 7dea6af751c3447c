import { z } from 'zod';
import {
  NETWORK_FAILED_MAX,
  NETWORK_SLOWEST_MAX,
  networkContextSchema,
  type NetworkContext,
  type NetworkRequest,
} from '../model/network-context';
import type { ProbeLimits } from './resource-timing-probe';
import { sanitiseRequestUrl } from './request-url';

/**
 * Turns what lib/capture/resource-timing-probe.ts sent back from the page
 * into the screenshot's network context (lib/model/network-context.ts). The
 * page is not trusted: the shape is parsed with zod, a row that does not parse
 * is dropped on its own, URLs are sanitised (./request-url.ts), and anything
 * else that is wrong yields no context at all rather than a wrong one.
 */

/** What the probe is asked for; the judge allows no more back. */
export const PROBE_LIMITS: ProbeLimits = { failed: NETWORK_FAILED_MAX, slowest: NETWORK_SLOWEST_MAX, urlChars: 2048 };

/** A generous bound on one page's timeline (setResourceTimingBufferSize is the page's to raise). */
const ENTRY_COUNT_MAX = 10_000_000;

const rowSchema = z.tuple([
  z.string().max(PROBE_LIMITS.urlChars),
  z.string().max(40),
  z.number().int().min(-1).max(999),
  z.number().finite().nonnegative(),
  z.number().finite(),
]);

const probeSchema = z.object({
  statusReported: z.boolean(),
  entryCount: z.number().int().nonnegative().max(ENTRY_COUNT_MAX),
  failedCount: z.number().int().nonnegative().max(ENTRY_COUNT_MAX),
  failed: z.array(z.unknown()).max(PROBE_LIMITS.failed),
  slowest: z.array(z.unknown()).max(PROBE_LIMITS.slowest),
});

type Row = NetworkRequest & { startTime: number };

function request(raw: unknown, statusReported: boolean): Row | null {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) return null;
  const [name, initiator, status, duration, startTime] = parsed.data;
  const url = sanitiseRequestUrl(name);
  if (!url) return null;
  return {
    url,
    initiator,
    ...(statusReported && status >= 0 ? { status } : {}),
    // Tenths of a millisecond: browsers coarsen timers anyway (Firefox to 1 ms by default).
    durationMs: Math.min(Math.round(duration * 10) / 10, 86_400_000),
    startTime,
  };
}

const withoutStart = ({ startTime: _, ...rest }: Row): NetworkRequest => rest;

export function judgeNetwork(raw: unknown): NetworkContext | undefined {
  const probe = probeSchema.safeParse(raw);
  if (!probe.success) return undefined;
  const { statusReported, entryCount, failedCount } = probe.data;
  const rows = (list: unknown[]) => list.map((r) => request(r, statusReported)).filter((r): r is Row => r !== null);
  // Status 0 is a cross-origin response without Timing-Allow-Origin (or a
  // network error): unknown, never a failure (https://w3c.github.io/resource-timing/#dom-performanceresourcetiming-responsestatus).
  const failed = statusReported ? rows(probe.data.failed).filter((r) => r.status !== undefined && r.status >= 400) : [];
  failed.sort((a, b) => a.startTime - b.startTime);
  const slowest = rows(probe.data.slowest).sort((a, b) => b.durationMs - a.durationMs);
  // The page's own counts may not be lower than what it showed us.
  const failedTotal = statusReported ? Math.max(failedCount, failed.length) : 0;
  const context = {
    statusReported,
    entryCount: Math.max(entryCount, failedTotal, slowest.length),
    failed: failed.slice(0, NETWORK_FAILED_MAX).map(withoutStart),
    failedCount: failedTotal,
    slowest: slowest.slice(0, NETWORK_SLOWEST_MAX).map(withoutStart),
  };
  const checked = networkContextSchema.safeParse(context);
  return checked.success ? checked.data : undefined;
}
