import type { NetworkContext, NetworkRequest } from '../model/network-context';

/**
 * The words for a screenshot's network context, shared by the timeline
 * (components/NetworkRequests.tsx) and the Markdown copy
 * (lib/export/markdown.ts), so both say the same thing.
 */
export const FAILED_REQUESTS = 'Failed requests';
export const SLOWEST_REQUESTS = 'Slowest requests';
/** Where the browser has no `responseStatus` (see docs/architecture.md, Capture). */
export const NO_STATUS_NOTE = 'This browser does not report response status; durations only.';

/**
 * "status unknown" for 0: a cross-origin response without Timing-Allow-Origin
 * (https://w3c.github.io/resource-timing/#dom-performanceresourcetiming-responsestatus);
 * nothing where the browser reported no status.
 */
export function statusLabel(request: NetworkRequest): string | undefined {
  if (request.status === undefined) return undefined;
  return request.status === 0 ? 'status unknown' : String(request.status);
}

/** "12 ms", "850 ms", "1.4 s", "73 s". */
export function requestDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms / 1_000)} s`;
}

/** "Failed requests (3)", or "(20 of 57)" when the list was cut. */
export function failedHeading(network: NetworkContext): string {
  const shown = network.failed.length;
  return `${FAILED_REQUESTS} (${network.failedCount > shown ? `${shown} of ${network.failedCount}` : shown})`;
}

/** The sentence for a page none of whose recorded requests failed. */
export function noFailuresText(network: NetworkContext): string {
  if (network.entryCount === 0) return 'The page had recorded no requests.';
  return `No failed requests among the ${network.entryCount} the page recorded.`;
}

/** The parts after the status: initiator type and duration. */
export function requestDetails(request: NetworkRequest): string {
  return `${request.initiator || 'other'} · ${requestDuration(request.durationMs)}`;
}

/** One list under a screenshot: its heading, its requests, and whether it starts open. */
export interface RequestSection {
  heading: string;
  requests: NetworkRequest[];
  open: boolean;
}

/**
 * What to show for a network context, in order: a note (no status reported,
 * or nothing failed) and the lists. Failures are open, being the evidence;
 * the slowest start folded.
 */
export function networkOutline(network: NetworkContext): { note?: string; sections: RequestSection[] } {
  const sections: RequestSection[] = [];
  let note: string | undefined;
  if (!network.statusReported) note = NO_STATUS_NOTE;
  else if (network.failed.length) sections.push({ heading: failedHeading(network), requests: network.failed, open: true });
  else note = noFailuresText(network);
  if (network.slowest.length) sections.push({ heading: SLOWEST_REQUESTS, requests: network.slowest, open: false });
  return note ? { note, sections } : { sections };
}
