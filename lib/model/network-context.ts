import { z } from 'zod';

/**
 * What the page's own Resource Timing said at the moment of a screenshot
 * (issue 11): the requests that failed and the slowest ones. Read under the
 * capture's `activeTab` grant from `performance.getEntriesByType('resource')`
 * and the navigation entry; no debugger and no host permission.
 *
 * `status` is `responseStatus` (https://w3c.github.io/resource-timing/#dom-performanceresourcetiming-responsestatus):
 * absent when the browser does not report it, 0 for a cross-origin response
 * without `Timing-Allow-Origin` (shown as "status unknown", never a failure).
 * URLs are stored with secret-looking query parameters and fragments stripped,
 * cut to `NETWORK_URL_MAX` characters: the whole screenshot body must stay
 * under the server's 64 KB per event.
 */
export const NETWORK_URL_MAX = 512;
export const NETWORK_FAILED_MAX = 20;
export const NETWORK_SLOWEST_MAX = 5;

export const networkRequestSchema = z.object({
  url: z.string().min(1).max(NETWORK_URL_MAX),
  /** `initiatorType`: fetch, xmlhttprequest, script, img, navigation, … */
  initiator: z.string().max(40),
  status: z.number().int().min(0).max(999).optional(),
  durationMs: z.number().nonnegative().max(86_400_000),
});
export type NetworkRequest = z.infer<typeof networkRequestSchema>;

export const networkContextSchema = z.object({
  /** False where the browser has no `responseStatus`: the lists then show durations only. */
  statusReported: z.boolean(),
  /** How many entries were read (resource entries plus the navigation entry). */
  entryCount: z.number().int().nonnegative(),
  /** Status ≥ 400, the first `NETWORK_FAILED_MAX` in the order they started. */
  failed: z.array(networkRequestSchema).max(NETWORK_FAILED_MAX),
  /** How many failed in all, before the cap. */
  failedCount: z.number().int().nonnegative(),
  /** The `NETWORK_SLOWEST_MAX` longest, slowest first. */
  slowest: z.array(networkRequestSchema).max(NETWORK_SLOWEST_MAX),
});
export type NetworkContext = z.infer<typeof networkContextSchema>;
