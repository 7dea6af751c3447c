import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../support/chromium.mjs';
import { NETWORK_PAGES, serveNetworkRoute } from '../support/network-pages';

/** The build made by `npm run build:e2e` (adds host access to 127.0.0.1 only). */
export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const PRODUCTION_EXTENSION_DIR = resolve('.output/chrome-mv3');

export type { ExtensionSession };

export function launchExtension(extensionDir = E2E_EXTENSION_DIR, options: { userDataDir?: string } = {}): Promise<ExtensionSession> {
  return launchWithExtension(extensionDir, { viewport: { width: 1280, height: 800 }, ...options });
}

/**
 * Opens popup.html in a popup-type window of its own, as the toolbar would show
 * it: the popup then acts on the active tab of the last-focused normal window.
 */
export function openPopupWindow(session: ExtensionSession): Promise<Page> {
  return openExtensionWindow(session, 'popup.html', { width: 400, height: 640 });
}

/**
 * An extension page in a popup-type window of its own: on screen beside the
 * others, where a background tab would get no frames (no measuring, no
 * scroll reconciling, actions that wait on them stall).
 */
export async function openExtensionWindow(session: ExtensionSession, path: string, size: { width: number; height: number }): Promise<Page> {
  const url = session.url(path);
  const opened = session.context.waitForEvent('page', (p) => p.url().startsWith(url));
  await session.worker.evaluate(async (a) => {
    await chrome.windows.create({ url: a.url, type: 'popup', width: a.width, height: a.height });
  }, { url, ...size });
  const page = await opened;
  // The document's own readyState, not Playwright's lifecycle events: CI at ad8ff7d timed out in
  // waitForLoadState('domcontentloaded') on a popup window whose "networkidle" had already fired, so
  // the page had loaded and the event was missed (the window is made by the extension, not by Playwright).
  // A plain loop: suites open windows in beforeAll, where expect.poll may not run.
  for (const deadline = Date.now() + 30_000; ; await new Promise((ok) => setTimeout(ok, 50))) {
    const state = await page.evaluate(() => document.readyState).catch(() => 'loading');
    if (state !== 'loading') return page;
    if (Date.now() > deadline) throw new Error(`${path} was still loading after 30 s`);
  }
}

export async function badge(session: ExtensionSession): Promise<{ text: string; color: number[] }> {
  return session.worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
  }));
}

/**
 * Pages on 127.0.0.1 standing in for the tools where incidents start. The
 * capture pages have known colours and positions so tests can check pixels.
 */
export const TEST_PAGES: Record<string, { title: string; body?: string }> = {
  '/grafana': { title: 'Checkout errors spiking - Grafana' },
  '/sentry': { title: 'TypeError: cannot read properties of undefined - Sentry' },
  // Solid red, with a filled password field at (100, 100), 300×40 CSS px.
  '/red': {
    title: 'Red dashboard',
    body: `<style>html,body{margin:0;background:#ff0000;height:100%}
      input{position:absolute;left:100px;top:100px;width:300px;height:40px;border:0;background:#fff;color:#000;font-size:28px}
      p{position:absolute;left:100px;top:300px;margin:0;font:16px monospace;color:#fff;white-space:pre}</style>
      <input type="password" value="hunter2hunter2"><p id="log">ERROR db timeout
  at pool.connect</p>`,
  },
  // A Sentry issue page as Sentry titles it (self-hosted path shape).
  '/organizations/acme/issues/4242/': {
    title: 'TypeError: Cannot read properties of undefined (reading &#39;id&#39;) — acme — checkout-api',
    body: `<meta property="og:title" content="TypeError: Cannot read properties of undefined (reading 'id')"><h1>Issue</h1>`,
  },
  // A blue box at (200, 150), 240×120, inside the viewport; a green one 2000 px tall.
  '/boxes': {
    title: 'Boxes',
    body: `<style>html,body{margin:0;background:#fff}
      #blue{position:absolute;left:200px;top:150px;width:240px;height:120px;background:#0000ff}
      #tall{position:absolute;left:600px;top:100px;width:200px;height:2000px;background:#00a000}</style>
      <div id="blue"></div><div id="tall"></div>`,
  },
  ...NETWORK_PAGES,
};

export async function startTestSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (serveNetworkRoute(req, res)) return;
    const page = TEST_PAGES[new URL(req.url ?? '/', 'http://127.0.0.1').pathname] ?? { title: 'Test page' };
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>${page.title}</title>${page.body ?? `<h1>${page.title}</h1>`}`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

// What is stored, read back from IndexedDB, and the checks both browsers' suites share.
export * from './stored-evidence';
