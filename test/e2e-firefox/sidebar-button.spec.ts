import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openTab, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';

/**
 * Whether the extension's sidebar is open in the browser's normal window.
 * sidebarAction.isOpen answers for the topmost window without a windowId
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/isOpen).
 */
function sidebarOpen(session: FirefoxSession): Promise<boolean> {
  return session.background(async (bg) => {
    const [win] = await bg.browser.windows.getAll({ windowTypes: ['normal'] });
    return bg.browser.sidebarAction.isOpen({ windowId: win.id });
  });
}

/**
 * Closes the sidebar, which Firefox opens when the add-on is installed.
 * sidebarAction.close() also needs a user gesture, so it runs from a button
 * added to `page` (an extension page in the normal window) and clicked by
 * puppeteer; a click through the driver counts as one.
 */
async function closeSidebar(page: Page) {
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'test-close-sidebar';
    button.textContent = 'Close sidebar (test)';
    // @ts-expect-error: the page's `browser` global (Firefox's WebExtension API), untyped here.
    button.onclick = () => void browser.sidebarAction.close();
    document.body.append(button);
  });
  await page.locator('#test-close-sidebar').click();
  await page.evaluate(() => document.getElementById('test-close-sidebar')?.remove());
}

describe("the popup's Open side panel button in Firefox", () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens the sidebar, showing the incident', async () => {
    // The popup as a tab of the normal window: sidebarAction.open() opens the
    // sidebar in the window the click came from, and a popup-type window has none.
    const popup = new PopupPage(await openTab(session, session.url('popup.html')));
    await popup.enterName('Sophie');
    await popup.declare({ title: 'Checkout errors spiking' });
    expect(await popup.currentIncidentTitle()).toBe('Checkout errors spiking');

    await closeSidebar(popup.page);
    await expect.poll(() => sidebarOpen(session)).toBe(false);

    await popup.button('Open side panel').click();
    await expect.poll(() => sidebarOpen(session), { timeout: 5_000 }).toBe(true);

    // The sidebar follows this setting to the incident the popup was showing.
    const shown = await session.background(async (bg) => (await bg.browser.storage.session.get('focusIncident')).focusIncident ?? null);
    const declared = await session.background(async (bg) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = bg.indexedDB.open('incident-capture');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const rows: { id: string; title: string }[] = await new Promise((ok) => {
        const r = db.transaction('incidents').objectStore('incidents').getAll();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return rows.find((row) => row.title === 'Checkout errors spiking')?.id ?? null;
    });
    expect(declared).toBeTypeOf('string');
    expect(shown).toBe(declared);
  });
});
