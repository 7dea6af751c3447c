import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { decodeDataUrl, encodeScreenshot } from '../../lib/capture/canvas-codec';
import { createCaptureQueue } from '../../lib/capture/capture-queue';
import type { PageRegion, RenderTarget } from '../../lib/capture/capture-region';
import type { CaptureDeps, PagePort } from '../../lib/capture/capture-service';
import type { Rect } from '../../lib/capture/mask-geometry';
import { PROBE_LIMITS } from '../../lib/capture/network-judge';
import { probeResourceTiming } from '../../lib/capture/resource-timing-probe';
import { NETWORK_PROBE_MEASURE, NETWORK_READ_MEASURE } from '../../lib/perf/marks';
import { loadEffectiveCaptureSettings } from '../../lib/settings/effective-capture-settings';

// Built by WXT from entrypoints/*.content.ts (registration: 'runtime'): not in
// the manifest, injected only when a capture needs them.
const HELPERS_FILE: ScriptPublicPath = '/content-scripts/capture-helpers.js';
const RENDER_FILE: ScriptPublicPath = '/content-scripts/render.js';

type PageGlobals = {
  __incidentCapture?: {
    mask(s: string[], scope?: 'viewport' | 'document'): Promise<number>;
    unmask(): void;
    startPicker(): void;
    measure(t: RenderTarget): PageRegion;
  };
  __incidentRender?: { render(t: string, s: string[]): Promise<{ dataUrl: string; truncated: boolean }> };
};

/**
 * What an injected function hands back: its result, 'missing' (the helper
 * file is not in the page yet), or the message of what it threw. Errors
 * travel as plain strings because Firefox cannot structured-clone some of
 * them back from a content script (html2canvas's SecurityError arrived as
 * "non-structured-clonable data"), which would hide the real reason.
 */
type InPage<R> = R | 'missing' | { failed: string };

/** Calls into the page's isolated world, injecting the helper file the first time a tab needs it. */
async function inPage<A extends unknown[], R>(
  tabId: number,
  file: ScriptPublicPath,
  func: (...args: A) => InPage<R> | Promise<InPage<R>>,
  args: A,
): Promise<R> {
  const call = async () => {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func, args });
    return first?.result as InPage<R> | undefined;
  };
  let result = await call();
  if (result === 'missing') {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    result = await call();
  }
  if (result === 'missing') throw new Error('The capture helper could not start in this page.');
  if (result && typeof result === 'object' && 'failed' in result) throw new Error(result.failed);
  return result as R;
}

// These run in the page (serialised by executeScript): self-contained, no closures.
const page: PagePort = {
  mask: (tabId, selectors, scope = 'viewport') =>
    inPage(
      tabId,
      HELPERS_FILE,
      (s: string[], scope: 'viewport' | 'document') => {
        const helpers = (globalThis as PageGlobals).__incidentCapture;
        if (!helpers) return 'missing';
        return helpers.mask(s, scope).catch((e: unknown) => ({ failed: e instanceof Error ? e.message : String(e) }));
      },
      [selectors, scope] as [string[], 'viewport' | 'document'],
    ),
  unmask: (tabId) =>
    inPage(tabId, HELPERS_FILE, () => ((globalThis as PageGlobals).__incidentCapture ? void (globalThis as PageGlobals).__incidentCapture!.unmask() : 'missing'), []),
  startPicker: (tabId) =>
    inPage(tabId, HELPERS_FILE, () => ((globalThis as PageGlobals).__incidentCapture ? void (globalThis as PageGlobals).__incidentCapture!.startPicker() : 'missing'), []),
  measure: (tabId, target) =>
    inPage(
      tabId,
      HELPERS_FILE,
      (t: RenderTarget) => {
        const helpers = (globalThis as PageGlobals).__incidentCapture;
        if (!helpers) return 'missing';
        try {
          return helpers.measure(t);
        } catch (e) {
          return { failed: e instanceof Error ? e.message : String(e) };
        }
      },
      [target],
    ),
  render: (tabId, target, selectors) =>
    inPage(
      tabId,
      RENDER_FILE,
      (t: string, s: string[]) => {
        const renderer = (globalThis as PageGlobals).__incidentRender;
        if (!renderer) return 'missing';
        return renderer.render(t, s).catch((e: unknown) => ({ failed: e instanceof Error ? e.message : String(e) }));
      },
      [target, selectors],
    ),
  // No helper file: the probe is self-contained, and whatever it returns (or throws) is judged in lib.
  readNetwork: async (tabId) => {
    const start = performance.now();
    try {
      const [first] = await browser.scripting.executeScript({ target: { tabId }, func: probeResourceTiming, args: [PROBE_LIMITS] });
      const inPage = (first?.result as { readMs?: unknown } | undefined)?.readMs;
      if (typeof inPage === 'number' && inPage >= 0 && inPage < 60_000) {
        performance.measure(NETWORK_PROBE_MEASURE, { end: performance.now(), duration: inPage });
      }
      return first?.result;
    } finally {
      performance.measure(NETWORK_READ_MEASURE, { start });
    }
  },
};

/**
 * Firefox's tabs.captureTab takes a rect in document CSS px, beyond the
 * viewport, at `scale` image px per CSS px
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/tabs/captureTab,
 * ImageDetails.rect/scale); Chrome has no such call. JPEG as for the visible
 * capture: it is re-encoded within budget right after.
 */
type FirefoxTabs = {
  captureTab(tabId: number, options: { rect: Rect; scale: number; format: 'jpeg'; quality: number }): Promise<string>;
};
const captureRegion = import.meta.env.FIREFOX
  ? {
      captureRegion: (tabId: number, rect: Rect, scale: number) =>
        (browser.tabs as unknown as FirefoxTabs).captureTab(tabId, { rect, scale, format: 'jpeg', quality: 92 }),
    }
  : {};

/** The real browser behind the capture pipeline; one queue for the whole extension. */
export const captureDeps: CaptureDeps = {
  browser: import.meta.env.FIREFOX ? 'firefox' : 'chrome',
  tabs: {
    get: async (tabId) => {
      const tab = await browser.tabs.get(tabId);
      return { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title };
    },
    // JPEG at high quality: much faster for the browser to produce than PNG,
    // and it is re-encoded within budget right after.
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 92 }),
    ...captureRegion,
  },
  page,
  // Chrome's "Allow access to file URLs" switch; Firefox has none (it always answers false) and capturable.ts ignores it there.
  fileAccess: () => browser.extension.isAllowedFileSchemeAccess(),
  // The organisation's mask selectors and the person's own, together.
  settings: () => loadEffectiveCaptureSettings(),
  queue: createCaptureQueue(),
  image: { decode: decodeDataUrl, encode: encodeScreenshot },
};
