import type { NetworkContext } from '../model/network-context';
import { judgeNetwork } from './network-judge';

/**
 * How long a capture waits for the page's network context once the image is
 * ready. The read normally ends long before the image is encoded (a few ms,
 * bench/README.md); a page whose main thread is stuck must not hold the
 * screenshot back, so past this the screenshot is stored without it.
 */
export const NETWORK_READ_GRACE_MS = 1_000;

/**
 * Starts reading the page's Resource Timing (`read`: the probe run in the
 * tab) and judges it. Never rejects: a page that cannot be scripted (Firefox's
 * pdf.js viewer), a probe that throws, or garbage all give `undefined`, and
 * the screenshot is stored without a network context.
 */
export function startNetworkRead(read: () => Promise<unknown>): { settle(): Promise<NetworkContext | undefined> } {
  const reading = Promise.resolve().then(read).then(judgeNetwork, () => undefined);
  return {
    settle: () =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), NETWORK_READ_GRACE_MS);
        void reading.then((context) => {
          clearTimeout(timer);
          resolve(context);
        });
      }),
  };
}
