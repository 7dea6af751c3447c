import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { launchWithExtension, type ExtensionSession } from '../support/chromium.mjs';

// What the extension's service worker sees as `chrome`, for code evaluated there.
declare const chrome: typeof Browser;

/** The build made by `npm run build:e2e` (adds host access to 127.0.0.1 only). */
export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const PRODUCTION_EXTENSION_DIR = resolve('.output/chrome-mv3');

export type { ExtensionSession };

export function launchExtension(extensionDir = E2E_EXTENSION_DIR): Promise<ExtensionSession> {
  return launchWithExtension(extensionDir, { viewport: { width: 1280, height: 800 } });
}

/**
 * Opens popup.html in a popup-type window of its own, as the toolbar would show
 * it: the popup then acts on the active tab of the last-focused normal window.
 */
export async function openPopupWindow(session: ExtensionSession): Promise<Page> {
  const opened = session.context.waitForEvent('page', (p) => p.url().startsWith(session.url('popup.html')));
  await session.worker.evaluate(async (url) => {
    await chrome.windows.create({ url, type: 'popup', width: 400, height: 640 });
  }, session.url('popup.html'));
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

export async function badge(session: ExtensionSession): Promise<{ text: string; color: number[] }> {
  return session.worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
  }));
}

/** A few pages on 127.0.0.1 standing in for the tools where incidents start. */
export async function startTestSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const pages: Record<string, string> = {
    '/grafana': 'Checkout errors spiking - Grafana',
    '/sentry': 'TypeError: cannot read properties of undefined - Sentry',
  };
  const server: Server = createServer((req, res) => {
    const title = pages[req.url ?? ''] ?? 'Test page';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>${title}</title><h1>${title}</h1>`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
