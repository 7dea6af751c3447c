// Launching Debian's Firefox ESR with the unpacked Firefox build, driven over
// WebDriver BiDi by puppeteer-core: shared by the Firefox end-to-end tests
// (test/e2e-firefox/) and the benchmarks (bench/).
//
// Facts this relies on, from a probe of firefox-esr 153 with puppeteer-core 25:
// - BiDi refuses moz-extension:// navigation unless Firefox is started with
//   --remote-allow-system-access.
// - `browser.installExtension(dir)` is a temporary install; its moz-extension
//   UUID is random unless pinned by the extensions.webextensions.uuids pref.
// - `page.goto('moz-extension://…')` never resolves, so `openExtensionPage`
//   starts the navigation and polls location and readyState instead.
// - There is no service worker target; extension pages reach the background
//   page with `browser.runtime.getBackgroundPage()`.
// - playwright-core's BiDi Firefox mode fails on this ESR
//   (`emulation.setMediaFeaturesOverride: unknown command`), hence puppeteer.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

/** The gecko id in wxt.config.ts (FIREFOX_ADDON_ID). */
export const FIREFOX_ADDON_ID = 'incident-capture@incident-capture';

/** Debian's firefox-esr. A missing browser fails the run; it is never a skip. */
export function firefoxExecutable() {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox not found at ${path}. Install it (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  }
  return path;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Polls until `page` shows `url` fully loaded (BiDi's goto never settles for moz-extension://). */
export async function waitForUrl(page, url, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') return page;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${url} (at ${state?.[0] ?? 'unknown'})`);
    await sleep(50);
  }
}

/**
 * The open page showing `url`, once it has loaded. Window and tab targets do
 * not report moz-extension:// URLs reliably over BiDi, so this asks each page.
 */
export async function findPage(browser, url, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
      if (state && state[0] === url && state[1] === 'complete') return page;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for a page at ${url}`);
    await sleep(100);
  }
}

/**
 * `userDataDir` reuses a profile (a browser restarted); a profile made here is
 * deleted on close, one passed in is kept. `width`/`height` size the window,
 * but headless Firefox still lays pages out at 1024×714, so a page whose
 * captures must be a known size sets its viewport too (test/e2e-firefox/fixtures.ts
 * `openTab` sets 1280×800, as the Chromium suite's viewport). `addonId`: the
 * gecko id in the build's manifest, when it is not FIREFOX_ADDON_ID (the
 * managed-policy spec loads a copy with an id of its own).
 */
export async function launchFirefoxWithExtension(extensionDir, { userDataDir: reuse, width = 1280, height = 800, addonId = FIREFOX_ADDON_ID } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build:firefox:e2e first.`);
  }
  const userDataDir = reuse ?? mkdtempSync(join(tmpdir(), 'incident-firefox-'));
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir,
    args: ['--remote-allow-system-access', `--width=${width}`, `--height=${height}`],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      // Grant optional permissions (the Slack origin, data consent) without
      // the doorhanger a headless browser cannot show; the gesture rule still applies.
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  // BiDi's webExtension.install rejects a relative path.
  await browser.installExtension(resolve(extensionDir));
  const url = (path) => `moz-extension://${uuid}/${path}`;
  const session = {
    browser,
    uuid,
    userDataDir,
    url,
    /** Opens an extension page in a new tab and waits for it to load. */
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.setViewport(null).catch(() => undefined);
      void page.goto(url(path)).catch(() => undefined);
      return waitForUrl(page, url(path));
    },
    /** Runs `fn(backgroundWindow, arg)` in the background page, from a kept-open extension page. */
    async background(fn, arg) {
      session._bridge ??= await session.openExtensionPage('options.html');
      // A source string, not a Function: the page's CSP blocks Function(), but
      // BiDi evaluates the string itself with the driver's privileges.
      return session._bridge.evaluate(
        `(async () => (${fn.toString()})(await browser.runtime.getBackgroundPage(), ${JSON.stringify(arg ?? null)}))()`,
      );
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (!reuse) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}
