import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { decodeDataUrl, encodeScreenshot } from '../../lib/capture/canvas-codec';
import { createCaptureQueue } from '../../lib/capture/capture-queue';
import type { CaptureDeps, PagePort } from '../../lib/capture/capture-service';
import { loadCaptureSettings } from '../../lib/settings/capture-settings';

// Built by WXT from entrypoints/*.content.ts (registration: 'runtime'): not in
// the manifest, injected only when a capture needs them.
const HELPERS_FILE: ScriptPublicPath = '/content-scripts/capture-helpers.js';
const RENDER_FILE: ScriptPublicPath = '/content-scripts/render.js';

type PageGlobals = {
  __incidentCapture?: { mask(s: string[]): Promise<number>; unmask(): void; startPicker(): void };
  __incidentRender?: { render(t: string, s: string[]): Promise<{ dataUrl: string; truncated: boolean }> };
};

/** Calls into the page's isolated world, injecting the helper file the first time a tab needs it. */
async function inPage<A extends unknown[], R>(
  tabId: number,
  file: ScriptPublicPath,
  func: (...args: A) => R | 'missing' | Promise<R | 'missing'>,
  args: A,
): Promise<R> {
  const call = async () => {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func, args });
    return first?.result as R | 'missing' | undefined;
  };
  let result = await call();
  if (result === 'missing') {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    result = await call();
  }
  if (result === 'missing') throw new Error('The capture helper could not start in this page.');
  return result as R;
}

const page: PagePort = {
  mask: (tabId, selectors) =>
    inPage(tabId, HELPERS_FILE, (s: string[]) => (globalThis as PageGlobals).__incidentCapture?.mask(s) ?? 'missing', [selectors]),
  unmask: (tabId) =>
    inPage(tabId, HELPERS_FILE, () => ((globalThis as PageGlobals).__incidentCapture ? void (globalThis as PageGlobals).__incidentCapture!.unmask() : 'missing'), []),
  startPicker: (tabId) =>
    inPage(tabId, HELPERS_FILE, () => ((globalThis as PageGlobals).__incidentCapture ? void (globalThis as PageGlobals).__incidentCapture!.startPicker() : 'missing'), []),
  render: (tabId, target, selectors) =>
    inPage(
      tabId,
      RENDER_FILE,
      (t: string, s: string[]) => (globalThis as PageGlobals).__incidentRender?.render(t, s) ?? 'missing',
      [target, selectors],
    ),
};

/** The real browser behind the capture pipeline; one queue for the whole extension. */
export const captureDeps: CaptureDeps = {
  tabs: {
    get: async (tabId) => {
      const tab = await browser.tabs.get(tabId);
      return { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title };
    },
    // JPEG at high quality: much faster for the browser to produce than PNG,
    // and it is re-encoded within budget right after.
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 92 }),
  },
  page,
  fileAccess: () => browser.extension.isAllowedFileSchemeAccess(),
  settings: loadCaptureSettings,
  queue: createCaptureQueue(),
  image: { decode: decodeDataUrl, encode: encodeScreenshot },
};
