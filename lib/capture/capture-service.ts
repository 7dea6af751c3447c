import { addScreenshot, type EncodedScreenshot } from '../incidents/screenshots';
import type { DomainContext } from '../incidents/context';
import type { CaptureSettings } from '../settings/capture-settings';
import { explainCaptureError, whyNotCapturable } from './capturable';
import type { Drawable } from './canvas-codec';
import { cropInImage, type Rect, type Viewport } from './mask-geometry';

/**
 * The capture pipeline, with everything that touches the browser passed in
 * (the background wires the real chrome.* calls; tests pass fakes):
 * check the page can be captured → mask sensitive fields → capture (queued
 * under Chrome's rate limit) → unmask → encode → store image + event.
 */
export interface TabInfo {
  id?: number;
  windowId: number;
  url?: string;
  title?: string;
}

/** What runs inside the page (content scripts injected on demand). */
export interface PagePort {
  mask(tabId: number, selectors: string[]): Promise<number>;
  unmask(tabId: number): Promise<void>;
  render(tabId: number, target: 'picked' | 'page', selectors: string[]): Promise<{ dataUrl: string; truncated: boolean }>;
  startPicker(tabId: number): Promise<void>;
}

export interface CaptureDeps {
  tabs: { get(tabId: number): Promise<TabInfo>; captureVisibleTab(windowId: number): Promise<string> };
  page: PagePort;
  fileAccess(): Promise<boolean>;
  settings(): Promise<CaptureSettings>;
  queue: { enqueue<T>(task: () => Promise<T>): Promise<T> };
  image: { decode(dataUrl: string): Promise<Drawable>; encode(source: Drawable, crop?: Rect): Promise<EncodedScreenshot> };
}

/** A capture that did not happen, with the sentence to show the person. */
export class CaptureRefused extends Error {
  override name = 'CaptureRefused';
}

async function capturableTab(deps: CaptureDeps, tabId: number): Promise<TabInfo> {
  const tab = await deps.tabs.get(tabId).catch(() => {
    throw new CaptureRefused('The tab went away before it could be captured.');
  });
  const reason = whyNotCapturable(tab.url, await deps.fileAccess());
  if (reason) throw new CaptureRefused(reason);
  return tab;
}

async function store(
  ctx: DomainContext,
  deps: CaptureDeps,
  incidentId: string,
  tab: TabInfo,
  dataUrl: string,
  source: 'visible' | 'element' | 'full_page',
  crop?: (image: Drawable) => Rect,
): Promise<{ eventId: string }> {
  const image = await deps.image.decode(dataUrl);
  const encoded = await deps.image.encode(image, crop?.(image));
  const { eventId } = await addScreenshot(ctx, incidentId, { ...encoded, source, pageUrl: tab.url, pageTitle: tab.title });
  return { eventId };
}

/** The visible part of the tab, or (with `element`) an element inside the viewport cropped from it. */
export async function captureVisible(
  deps: CaptureDeps,
  ctx: DomainContext,
  request: { incidentId: string; tabId: number; element?: { rect: Rect; viewport: Viewport } },
): Promise<{ eventId: string }> {
  const tab = await capturableTab(deps, request.tabId);
  const { maskSelectors } = await deps.settings();
  const dataUrl = await deps.queue
    .enqueue(async () => {
      await deps.page.mask(request.tabId, maskSelectors).catch(() => {
        throw new CaptureRefused('Could not hide password fields on this page, so no screenshot was taken.');
      });
      try {
        return await deps.tabs.captureVisibleTab(tab.windowId);
      } finally {
        await deps.page.unmask(request.tabId).catch(() => undefined);
      }
    })
    .catch((error: unknown) => {
      throw error instanceof CaptureRefused ? error : new CaptureRefused(explainCaptureError(error));
    });
  const element = request.element;
  return store(ctx, deps, request.incidentId, tab, dataUrl, element ? 'element' : 'visible', (image) =>
    element ? cropInImage(element.rect, element.viewport, image) : { x: 0, y: 0, width: image.width, height: image.height },
  );
}

/** An element beyond the viewport, or the whole page, rendered from the DOM with html2canvas. */
export async function captureRendered(
  deps: CaptureDeps,
  ctx: DomainContext,
  request: { incidentId: string; tabId: number; target: 'picked' | 'page' },
): Promise<{ eventId: string; truncated: boolean }> {
  const tab = await capturableTab(deps, request.tabId);
  const { maskSelectors } = await deps.settings();
  const { dataUrl, truncated } = await deps.page.render(request.tabId, request.target, maskSelectors).catch((error) => {
    throw new CaptureRefused(explainCaptureError(error));
  });
  const { eventId } = await store(ctx, deps, request.incidentId, tab, dataUrl, request.target === 'page' ? 'full_page' : 'element');
  return { eventId, truncated };
}
