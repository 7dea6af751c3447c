import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

describe('keyboard and the way to the side panel', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchExtension();
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/sentry`);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('declares a Major incident with the keyboard alone', async () => {
    const popup = new PopupPage(await openPopupWindow(session));
    const { keyboard } = popup.page;
    // First run: one form, focus in "Your name", Title below it.
    await popup.page.getByLabel('Your name').waitFor();
    await keyboard.type('Lawrence');
    await keyboard.press('Tab');
    // Title has focus with the tab's title selected (focus by Tab selects it): typing replaces it.
    await keyboard.type('Search returns nothing');
    await keyboard.press('Tab'); // severity group (Minor)
    await keyboard.press('ArrowRight'); // Major
    await keyboard.press('Shift+Tab'); // back to Title
    await keyboard.press('Enter');
    expect(await popup.currentIncidentTitle()).toBe('Search returns nothing');
    await popup.page.getByText('Major', { exact: true }).waitFor();

    // Quick actions are reachable too: a note with Ctrl+Enter.
    await popup.page.getByRole('textbox', { name: 'Add a note' }).focus();
    await keyboard.type('Elasticsearch cluster is red');
    await keyboard.press('Control+Enter');
    await expect.poll(() => popup.page.getByRole('textbox', { name: 'Add a note' }).inputValue()).toBe('');
    await popup.page.close();
  });

  it('"Open side panel" brings an open side panel to that incident', async () => {
    const sidePanel = new SidePanelPage(await session.context.newPage());
    await sidePanel.page.goto(session.url('sidepanel.html'));
    await sidePanel.activeList().waitFor();

    const popup = new PopupPage(await openPopupWindow(session));
    await popup.currentIncidentTitle();
    await popup.page.getByRole('button', { name: 'Open side panel' }).click();
    await sidePanel.page.getByRole('heading', { level: 1, name: 'Search returns nothing' }).waitFor();
    await sidePanel.timeline().getByText('Elasticsearch cluster is red').waitFor();
  });
  it('recognises a Sentry issue and titles the incident from it, with a clean source link', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/organizations/acme/issues/4242/?referrer=slack&utm_source=alert`);
    const popup = new PopupPage(await openPopupWindow(session));
    // I already lead incidents from the tests above: declare another one here.
    await popup.page.getByRole('button', { name: 'Declare another incident' }).click();
    await popup.page.getByText('From a Sentry issue').waitFor();
    const title = await popup.title().inputValue();
    expect(title).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'id'\)/);
    await popup.title().press('Enter');
    expect(await popup.currentIncidentTitle()).toBe(title);
    const sourceUrl = await popup.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('incident-capture');
        r.onsuccess = () => ok(r.result);
      });
      const all = await new Promise<{ title: string; sourceUrl: string | null }[]>((ok) => {
        const r = db.transaction('incidents').objectStore('incidents').getAll();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return all.find((i) => i.title.startsWith('TypeError'))?.sourceUrl;
    });
    expect(sourceUrl).toBe(`${site.origin}/organizations/acme/issues/4242/`); // tracking parameters gone
    await popup.page.close();
    await tab.close();
  });

});
