// Fixtures for the Firefox end-to-end suite: the built Firefox extension
// (npm run build:firefox:e2e) in headless Firefox ESR, driven by puppeteer-core
// over WebDriver BiDi (test/support/firefox.mjs says why puppeteer, not Playwright).
// The test site and the IndexedDB/pixel checks are the Chromium suite's own.
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { findPage, launchFirefoxWithExtension, type FirefoxSession } from '../support/firefox.mjs';

export {
  TEST_PAGES,
  isBlack,
  isBlue,
  isRed,
  screenshotPixels,
  startTestSite,
  storedScreenshots,
  type StoredScreenshot,
} from '../e2e/fixtures';
export type { FirefoxSession };

/** The build made by `npm run build:firefox:e2e` (host access to every page, `__incidentTest` in the background). */
export const FIREFOX_E2E_EXTENSION_DIR = resolve('.output/firefox-mv3-e2e');

/**
 * Firefox with the extension, its window 1280×800 CSS px as in the Chromium
 * suite. The background bridge (an options.html tab) is opened here, first,
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

/** A new tab showing `url`, made the active tab (web pages, so `goto` resolves as usual). */
export async function openTab(session: FirefoxSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(url);
  await page.bringToFront();
  return page;
}

/**
 * Opens popup.html in a popup-type window of its own, as the toolbar would show
 * it: the popup then acts on the active tab of the last-focused normal window.
 * Answers the new page (an older popup still open at the same URL is not it).
 */
export async function openPopupWindow(session: FirefoxSession): Promise<Page> {
  const url = session.url('popup.html');
  const before = new Set(await session.browser.pages());
  await session.background(
    (bg, u) => bg.browser.windows.create({ url: u, type: 'popup', width: 400, height: 640 }).then(() => true),
    url,
  );
  const deadline = Date.now() + 15_000;
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

/**
 * The sidebar's page. In Firefox the side panel is the `sidebar_action` panel,
 * which a headless browser does not draw; the same page in a tab is what the
 * tests watch (as the Chromium suite opens sidepanel.html as a page).
 */
export async function openSidebarPage(session: FirefoxSession): Promise<Page> {
  return session.openExtensionPage('sidepanel.html');
}

/** The toolbar badge: its text and background colour (RGBA). */
export async function badge(session: FirefoxSession): Promise<{ text: string; color: number[] }> {
  return session.background(async (bg) => ({
    text: await bg.browser.action.getBadgeText({}),
    color: await bg.browser.action.getBadgeBackgroundColor({}),
  }));
}

/** The id of the (first) tab showing `url`. */
export async function tabId(session: FirefoxSession, url: string): Promise<number> {
  const id = await session.background(async (bg, u) => (await bg.browser.tabs.query({ url: u }))[0]?.id ?? null, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
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
