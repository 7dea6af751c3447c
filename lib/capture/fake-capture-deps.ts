import { makeContext } from '../../test/support/domain';
import { declareIncident } from '../incidents/operations';
import type { Drawable } from './canvas-codec';
import { createCaptureQueue } from './capture-queue';
import type { CaptureDeps } from './capture-service';
import type { Rect } from './mask-geometry';

/**
 * Fake browser calls for the capture pipeline's tests (./capture-service.ts):
 * `log` records the page and capture calls in order, `reads` the tabs whose
 * network was read.
 */
export const THUMB = 'data:image/webp;base64,AAAA';

type Overrides = {
  url?: string;
  captureFails?: Error;
  maskFails?: boolean;
  browser?: 'chrome' | 'firefox';
  region?: { rect: Rect; devicePixelRatio: number };
  regionFails?: Error;
  /** What the page's Resource Timing probe gives back (or how it fails); by default one 500 and one slow request. */
  network?: () => Promise<unknown>;
};

/** A probe result (lib/capture/resource-timing-probe.ts) with one failed request. */
export const PROBED = {
  statusReported: true,
  entryCount: 12,
  failedCount: 1,
  failed: [['http://127.0.0.1/api/cart?token=abc', 'fetch', 500, 42, 10]],
  slowest: [['http://127.0.0.1/api/slow', 'fetch', 200, 900, 11]],
};

export function fakeDeps(overrides: Overrides = {}) {
  const log: string[] = [];
  const reads: number[] = [];
  const crops: (Rect | undefined)[] = [];
  const firefox = overrides.browser === 'firefox';
  const deps: CaptureDeps = {
    browser: overrides.browser ?? 'chrome',
    tabs: {
      get: async (tabId) => ({ id: tabId, windowId: 9, url: overrides.url ?? 'http://127.0.0.1/grafana', title: 'Grafana' }),
      captureVisibleTab: async (windowId) => {
        log.push(`capture ${windowId}`);
        if (overrides.captureFails) throw overrides.captureFails;
        return 'data:image/jpeg;base64,captured';
      },
      ...(firefox
        ? {
            captureRegion: async (tabId: number, rect: Rect, scale: number) => {
              log.push(`captureTab ${tabId} ${rect.x},${rect.y} ${rect.width}×${rect.height} @${scale}`);
              if (overrides.regionFails) throw overrides.regionFails;
              return 'data:image/jpeg;base64,region';
            },
          }
        : {}),
    },
    page: {
      mask: async (_tab, selectors, scope) => {
        log.push(firefox ? `mask ${selectors.join(',')} ${scope}` : `mask ${selectors.join(',')}`);
        if (overrides.maskFails) throw new Error('Cannot access contents of the page');
        return 1;
      },
      unmask: async () => void log.push('unmask'),
      render: async (_tab, target, selectors) => {
        log.push(`render ${target} ${selectors.join(',')}`);
        return { dataUrl: 'data:image/png;base64,rendered', truncated: target === 'page' };
      },
      measure: async (_tab, target) => {
        log.push(`measure ${target}`);
        return overrides.region ?? { rect: { x: 0, y: 0, width: 1280, height: 20_000 }, devicePixelRatio: 2 };
      },
      startPicker: async () => undefined,
      readNetwork: async (tabId) => {
        reads.push(tabId);
        return (overrides.network ?? (async () => PROBED))();
      },
    },
    fileAccess: async () => false,
    settings: async () => ({ maskSelectors: ['.api-key'] }),
    queue: createCaptureQueue({ now: () => 0, sleep: async () => undefined, minIntervalMs: 0 }),
    image: {
      decode: async (dataUrl) => {
        log.push(`decode ${dataUrl.slice(-8)}`);
        return { width: 2560, height: 1600 } as Drawable;
      },
      encode: async (_source, crop) => {
        crops.push(crop);
        return { bytes: new Blob([new Uint8Array(1234)], { type: 'image/webp' }), mimeType: 'image/webp', width: 1280, height: 800, thumbnail: THUMB };
      },
    },
  };
  return { deps, log, crops, reads };
}

export async function withIncident() {
  const ctx = makeContext();
  const incident = await declareIncident(ctx, { title: 'Latency' });
  return { ctx, incidentId: incident.id };
}
