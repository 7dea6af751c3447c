import { addScreenshot, type EncodedScreenshot } from '../incidents/screenshots';
import type { DomainContext } from '../incidents/context';
import type { CaptureSettings } from '../settings/capture-settings';
import type { BrowserKind } from '../browser/browser-kind';
import { explainCaptureError, maskMayFail, whyNotCapturable } from './capturable';
import type { Drawable } from './canvas-codec';
import { regionToCapture, type PageRegion, type RenderTarget } from './capture-region';
import { cropInImage, type Rect, type Viewport } from './mask-geometry';
import type { NetworkContext } from '../model/network-context';
import { startNetworkRead } from './network-read';

/**
 * The capture pipeline, with everything that touches the browser passed in
 * (the background wires the real chrome.* calls; tests pass fakes):
 * check the page can be captured → mask sensitive fields → capture (queued
 * under Chrome's rate limit) → unmask → encode → store image + event.
 * Alongside, from the moment the page passes the check, the page's own
 * Resource Timing is read (./network-read.ts) and stored with the image; it
 * never fails or holds back the capture.
 */
export interface TabInfo {
  id?: number;
  windowId: number;
  url?: string;
  title?: string;
}

/** What runs inside the page (content scripts injected on demand). */
export interface PagePort {
  /**
   * Covers password fields and `selectors` with opaque boxes until `unmask`:
   * those in the viewport (`viewport`, for captureVisibleTab) or anywhere in
   * the document (`document`, for a region capture).
   */
  mask(tabId: number, selectors: string[], scope?: 'viewport' | 'document'): Promise<number>;
  unmask(tabId: number): Promise<void>;
  /** Draws the target from the DOM (html2canvas), masking in its copy of the document. */
  render(tabId: number, target: RenderTarget, selectors: string[]): Promise<{ dataUrl: string; truncated: boolean }>;
  /** Where the target lies in the document, for a region capture. */
  measure(tabId: number, target: RenderTarget): Promise<PageRegion>;
  startPicker(tabId: number): Promise<void>;
  /** Runs lib/capture/resource-timing-probe.ts in the page; what it returns is untrusted. */
  readNetwork(tabId: number): Promise<unknown>;
}

export interface CaptureDeps {
  /** Which browser's capture rules apply (lib/capture/capturable.ts). */
  browser: BrowserKind;
  tabs: {
    get(tabId: number): Promise<TabInfo>;
    captureVisibleTab(windowId: number): Promise<string>;
    /**
     * A region of the document, in document CSS px, taken at `scale` image px
     * per CSS px, beyond the viewport too: Firefox's tabs.captureTab. Where
     * the browser has it, full page and tall elements use it instead of
     * `page.render` (html2canvas cannot run in Firefox's content scripts).
     */
    captureRegion?(tabId: number, rect: Rect, scale: number): Promise<string>;
  };
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

/** Why this browser will not let us capture `url`, or null. */
export async function whyNotCapturableIn(deps: Pick<CaptureDeps, 'browser' | 'fileAccess'>, url: string | undefined): Promise<string | null> {
  return whyNotCapturable(url, { browser: deps.browser, fileAccess: await deps.fileAccess() });
}

async function capturableTab(deps: CaptureDeps, tabId: number): Promise<TabInfo> {
  const tab = await deps.tabs.get(tabId).catch(() => {
    throw new CaptureRefused('The tab went away before it could be captured.');
  });
  const reason = await whyNotCapturableIn(deps, tab.url);
  if (reason) throw new CaptureRefused(reason);
  return tab;
}

const MASK_FAILED = 'Could not hide password fields on this page, so no screenshot was taken.';

async function store(
  ctx: DomainContext,
  deps: CaptureDeps,
  incidentId: string,
  tab: TabInfo,
  dataUrl: string,
  source: 'visible' | 'element' | 'full_page',
  network: { settle(): Promise<NetworkContext | undefined> },
  crop?: (image: Drawable) => Rect,
): Promise<{ eventId: string }> {
  const image = await deps.image.decode(dataUrl);
  const encoded = await deps.image.encode(image, crop?.(image));
  const { eventId } = await addScreenshot(ctx, incidentId, {
    ...encoded,
    source,
    pageUrl: tab.url,
    pageTitle: tab.title,
    network: await network.settle(),
  });
  return { eventId };
}

/** The visible part of the tab, or (with `element`) an element inside the viewport cropped from it. */
export async function captureVisible(
  deps: CaptureDeps,
  ctx: DomainContext,
  request: { incidentId: string; tabId: number; element?: { rect: Rect; viewport: Viewport } },
): Promise<{ eventId: string }> {
  const tab = await capturableTab(deps, request.tabId);
  const network = startNetworkRead(() => deps.page.readNetwork(request.tabId));
  const { maskSelectors } = await deps.settings();
  const dataUrl = await deps.queue
    .enqueue(async () => {
      await deps.page.mask(request.tabId, maskSelectors, 'viewport').catch(() => {
        // Firefox's PDF viewer cannot be scripted but has no site fields to hide.
        if (!maskMayFail(tab.url, deps.browser)) throw new CaptureRefused(MASK_FAILED);
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
  return store(ctx, deps, request.incidentId, tab, dataUrl, element ? 'element' : 'visible', network, (image) =>
    element ? cropInImage(element.rect, element.viewport, image) : { x: 0, y: 0, width: image.width, height: image.height },
  );
}

/**
 * An element beyond the viewport, or the whole page: taken as a region of the
 * document where the browser can (Firefox), else rendered from the DOM with
 * html2canvas (Chrome).
 */
export async function captureRendered(
  deps: CaptureDeps,
  ctx: DomainContext,
  request: { incidentId: string; tabId: number; target: RenderTarget },
): Promise<{ eventId: string; truncated: boolean }> {
  const tab = await capturableTab(deps, request.tabId);
  const network = startNetworkRead(() => deps.page.readNetwork(request.tabId));
  const { maskSelectors } = await deps.settings();
  const taking = deps.tabs.captureRegion
    ? captureRegion(deps, deps.tabs.captureRegion, request.tabId, request.target, maskSelectors)
    : deps.page.render(request.tabId, request.target, maskSelectors);
  const { dataUrl, truncated } = await taking.catch((error: unknown) => {
    throw error instanceof CaptureRefused ? error : new CaptureRefused(explainCaptureError(error));
  });
  const { eventId } = await store(ctx, deps, request.incidentId, tab, dataUrl, request.target === 'page' ? 'full_page' : 'element', network);
  return { eventId, truncated };
}

/**
 * Measure the target, mask sensitive fields on the live page (anywhere in the
 * document: the region reaches beyond the viewport), take the region, unmask.
 * Queued with the visible captures, so no other capture sees the mask.
 */
function captureRegion(
  deps: CaptureDeps,
  take: NonNullable<CaptureDeps['tabs']['captureRegion']>,
  tabId: number,
  target: RenderTarget,
  selectors: string[],
): Promise<{ dataUrl: string; truncated: boolean }> {
  return deps.queue.enqueue(async () => {
    const capture = regionToCapture(target, await deps.page.measure(tabId, target));
    if (!capture) throw new CaptureRefused('The chosen element has no size on the page, so there is nothing to capture.');
    await deps.page.mask(tabId, selectors, 'document').catch(() => {
      throw new CaptureRefused(MASK_FAILED);
    });
    try {
      return { dataUrl: await take(tabId, capture.rect, capture.scale), truncated: capture.truncated };
    } finally {
      await deps.page.unmask(tabId).catch(() => undefined);
    }
  });
}
