import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';

// What the extension's service worker sees as `chrome`, for code evaluated there.
declare const chrome: typeof Browser;

/** The build made by `npm run build:e2e` (adds host access to 127.0.0.1 only). */
export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const PRODUCTION_EXTENSION_DIR = resolve('.output/chrome-mv3');

/**
 * Debian's Chromium, launched directly: the /usr/bin/chromium wrapper adds a
 * stray --load-extension=. A missing browser fails the run; it is never a skip.
 */
export function chromiumExecutable(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  url(path: string): string;
  close(): Promise<void>;
}

export async function launchExtension(extensionDir = E2E_EXTENSION_DIR): Promise<ExtensionSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build:e2e first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'incident-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    headless: true,
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
    viewport: { width: 1280, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
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
