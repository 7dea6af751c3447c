// Fixtures for the Firefox end-to-end suite: the built Firefox extension
// (npm run build:firefox:e2e) in headless Firefox ESR, driven by puppeteer-core
// over WebDriver BiDi (test/support/firefox.mjs says why puppeteer, not Playwright).
// The test site and the IndexedDB/pixel checks are the Chromium suite's own.
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestSite } from '../e2e/fixtures';
import { findPage, launchFirefoxWithExtension, type FirefoxSession } from '../support/firefox.mjs';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

export {
  TEST_PAGES,
  damageStoredImage,
  expectAnnotatedBox,
  expectBlueBoxPicked,
  expectOneIncidentRegister,
  expectRedPageMasked,
  isBlack,
  isBlue,
  isCyan,
  isRed,
  screenshotPixels,
  startTestSite,
  storedEventCount,
  storedScreenshots,
  viewerImagePixels,
  type StoredScreenshot,
} from '../e2e/fixtures';
export { putStoredRows, storedMeta, storeIncidentLog } from '../e2e/seed';
export type { FirefoxSession };

/** The build made by `npm run build:firefox:e2e` (host access to every page, `__incidentTest` in the background). */
export const FIREFOX_E2E_EXTENSION_DIR = resolve('.output/firefox-mv3-e2e');

/**
 * Firefox with the extension (pages opened by openTab are 1280×800 CSS px, as in the Chromium
 * suite). The background bridge (an options.html tab) is opened here, first,
 * so that pages a spec opens afterwards are the active tab, as they would be
 * for a person; a bridge opened later would become "the page" the popup acts on.
 */
export async function launchFirefox(options: { userDataDir?: string } = {}): Promise<FirefoxSession> {
  const session = await launchFirefoxWithExtension(FIREFOX_E2E_EXTENSION_DIR, { width: 1280, height: 800, ...options });
  try {
    await session.background(() => true);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

/**
 * A new tab showing `url` in the browser's normal window, made the active tab
 * of a focused window: the page a person is looking at. Opened by the
 * extension, not puppeteer's newPage: with the sidebar's window focused last,
 * newPage's tab was not the active tab of the bridge's normal window (seen as
 * the popup taking options.html for the page).
 */
export async function openTab(session: FirefoxSession, url: string): Promise<Page> {
  const before = new Set(await session.browser.pages());
  await session.background(async (bg, u) => {
    const [win] = await bg.browser.windows.getAll({ windowTypes: ['normal'] });
    await bg.browser.tabs.create({ windowId: win.id, url: u, active: true });
    await bg.browser.windows.update(win.id, { focused: true });
    return true;
  }, url);
  const page = await newPage(session, before, url);
  // 1280×800 CSS px, as the Chromium suite's viewport. Headless Firefox
  // ignores --height for the content area (1024×714 otherwise, probed on ESR
  // 153); captureVisibleTab captures the emulated viewport. Never reset it to
  // null afterwards: that closed the browser in the same probe.
  await page.setViewport({ width: 1280, height: 800 });
  return page;
}

/**
 * The page showing `url` that was not among `before`, once loaded. Up to 30 s:
 * in CI, beside the Chromium lane on two cores, a popup window first opened
 * after Firefox starts once took longer than the 15 s this allowed.
 */
async function newPage(session: FirefoxSession, before: Set<Page>, url: string): Promise<Page> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const page of await session.browser.pages()) {
      if (before.has(page)) continue;
      const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
      if (state && state[0] === url && state[1] === 'complete') return page;
    }
    if (Date.now() > deadline) return findPage(session.browser, url, 1); // fails with its own message
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Opens an extension page in a popup-type window of its own; answers the new page (not an older one at the same URL). */
async function openExtensionWindow(session: FirefoxSession, path: string, size: { width: number; height: number }): Promise<Page> {
  const url = session.url(path);
  const before = new Set(await session.browser.pages());
  await session.background(
    (bg, a) => bg.browser.windows.create({ url: a.url, type: 'popup', width: a.width, height: a.height }).then(() => true),
    { url, ...size },
  );
  return newPage(session, before, url);
}

/**
 * Opens popup.html in a popup-type window of its own, as the toolbar would show
 * it: the popup then acts on the active tab of the last-focused normal window.
 */
export function openPopupWindow(session: FirefoxSession): Promise<Page> {
  return openExtensionWindow(session, 'popup.html', { width: 400, height: 640 });
}

/**
 * The sidebar's page. In Firefox the side panel is the `sidebar_action` panel,
 * which a headless browser does not draw; the tests watch the same page in a
 * popup-type window of its own. Not a tab: a background tab gets no animation
 * frames and throttled timers, so the (virtualised) timeline took seconds to
 * draw each entry, where a real sidebar is on screen beside the page. And not
 * a normal window: the popup would take its tab for the page being looked at.
 */
export async function openSidebarPage(session: FirefoxSession): Promise<Page> {
  const page = await openExtensionWindow(session, 'sidepanel.html', { width: 400, height: 800 });
  // Focus goes back to the normal window, as a sidebar takes none: with the
  // sidebar's window focused, puppeteer's newPage (openExtensionPage) never
  // settled (seen in export.spec.ts, 60 s timeouts).
  await session.background(async (bg) => {
    const [win] = await bg.browser.windows.getAll({ windowTypes: ['normal'] });
    await bg.browser.windows.update(win.id, { focused: true });
    return true;
  });
  return page;
}

/** Titles of every incident stored on this device (read from IndexedDB in an extension page). */
export async function storedIncidentTitles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('incident-capture');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const rows = await new Promise<{ title: string }[]>((ok) => {
      const r = db.transaction('incidents').objectStore('incidents').getAll();
      r.onsuccess = () => ok(r.result as { title: string }[]);
    });
    db.close();
    return rows.map((row) => row.title);
  });
}

/** The toolbar badge: its text and background colour (RGBA). */
export async function badge(session: FirefoxSession): Promise<{ text: string; color: number[] }> {
  return session.background(async (bg) => ({
    text: await bg.browser.action.getBadgeText({}),
    color: await bg.browser.action.getBadgeBackgroundColor({}),
  }));
}

/**
 * The id of the (first) tab showing `url`, once it has loaded. Compared here,
 * not by tabs.query's `url`: that is a match pattern, and Firefox's refuse a port.
 */
export async function tabId(session: FirefoxSession, url: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await session.background(
      async (bg, u) => (await bg.browser.tabs.query({})).find((t: { url?: string; status?: string }) => t.url === u && t.status === 'complete')?.id ?? null,
      url,
    );
    if (id !== null) return id;
    if (Date.now() > deadline) throw new Error(`No tab shows ${url}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/**
 * Navigates `page` to one of the browser's own pages (about:…) or a page that
 * fails to load, where puppeteer's goto may never settle, and makes it the
 * active tab. Answers its tab id. The extension cannot see the address of
 * about: pages (tabs.Tab.url is undefined there, even with <all_urls>), so the
 * tab is found as the active one, its address checked when it is visible.
 */
export async function goToUnloadable(session: FirefoxSession, page: Page, url: string): Promise<number> {
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  // page.url() lags for about: pages over BiDi; the document knows where it is.
  const at = () => page.evaluate(() => location.href).catch(() => page.url());
  while ((await at()) !== url) {
    if (Date.now() > deadline) throw new Error(`The tab did not go to ${url} (at ${await at()})`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await page.bringToFront();
  const tab = await session.background(
    async (bg) => (await bg.browser.tabs.query({ active: true, windowType: 'normal' }))[0] ?? null,
  );
  if (!tab || (tab.url !== undefined && tab.url !== url)) throw new Error(`The active tab is not ${url}: ${JSON.stringify(tab)}`);
  return tab.id;
}

/**
 * A context-menu click, through the background's own handler (a headless
 * browser has no context menu to open; E2E builds expose `__incidentTest`).
 * Answers the sentence the handler shows.
 */
export async function menuClick(session: FirefoxSession, tab: number, info: Record<string, unknown>): Promise<string> {
  return session.background(
    async (bg, a) => bg.__incidentTest.onMenuClick(a.info, await bg.browser.tabs.get(a.tab)),
    { tab, info },
  );
}

/** The "Screenshot the page" keyboard command, through the background's handler; also answers the badge after it. */
export async function captureCommand(session: FirefoxSession, tab: number): Promise<{ eventId?: string; badge: string }> {
  return session.background(async (bg, id) => {
    const result = await bg.__incidentTest.onCaptureCommand(await bg.browser.tabs.get(id));
    return { ...result, badge: await bg.browser.action.getBadgeText({}) };
  }, tab);
}

/**
 * The capture specs' starting point: Sophie's first run, a Major "Checkout red
 * alert" declared from the popup while the /red page is the tab behind it,
 * the sidebar open on that incident, and the page brought back to the front.
 */
export async function redAlertDeclared(session: FirefoxSession, origin: string): Promise<{ tab: Page; sidePanel: SidePanelPage }> {
  const sidePanel = new SidePanelPage(await openSidebarPage(session));
  const tab = await openTab(session, `${origin}/red`);
  const popup = new PopupPage(await openPopupWindow(session));
  await popup.enterName('Sophie');
  await popup.declare({ title: 'Checkout red alert', severity: 'Major' });
  await popup.currentIncidentTitle();
  await popup.close();
  await sidePanel.openIncident('Checkout red alert');
  await tab.bringToFront();
  return { tab, sidePanel };
}

/**
 * A suite that starts from redAlertDeclared: the test site and Firefox are
 * started before all its tests and closed after them. The fields are filled
 * in beforeAll, so read them inside tests and hooks.
 */
export function redAlertSuite(): { site: Awaited<ReturnType<typeof startTestSite>>; session: FirefoxSession; tab: Page; sidePanel: SidePanelPage } {
  const suite = {} as ReturnType<typeof redAlertSuite>;
  beforeAll(async () => {
    suite.site = await startTestSite();
    suite.session = await launchFirefox();
    Object.assign(suite, await redAlertDeclared(suite.session, suite.site.origin));
  });
  afterAll(async () => {
    await suite.session?.close();
    await suite.site?.close();
  });
  return suite;
}
