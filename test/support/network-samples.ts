import type { NetworkContext } from '../../lib/model/network-context';

/** A screenshot's network context with two failures (one URL already stripped of its token) and a status-0 slow script. */
export const SAMPLE_NETWORK: NetworkContext = {
  statusReported: true,
  entryCount: 31,
  failedCount: 2,
  failed: [
    { url: 'https://shop.example/api/cart?token=REDACTED', initiator: 'fetch', status: 500, durationMs: 42 },
    { url: 'https://shop.example/img/*x*.png', initiator: 'img', status: 404, durationMs: 3 },
  ],
  slowest: [{ url: 'https://cdn.other.example/app.js', initiator: 'script', status: 0, durationMs: 1_800 }],
};
