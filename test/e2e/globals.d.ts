import type { Browser } from 'wxt/browser';

declare global {
  /** What extension contexts (service worker, pages) see as `chrome`, for code evaluated there. */
  const chrome: typeof Browser;
}
export {};
