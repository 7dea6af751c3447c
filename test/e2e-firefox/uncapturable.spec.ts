import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badge,
  captureCommand,
  goToUnloadable,
  launchFirefox,
  openPopupWindow,
  openSidebarPage,
  openTab,
  startTestSite,
  storedIncidentTitles,
  storedScreenshots,
  type FirefoxSession,
} from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

// Firefox keeps extensions off its own pages (about:…; it does not even show
// them their address) and off Mozilla's restricted domains (addons.mozilla.org
// and others). The person is told so, in words that do not name another
// browser, and nothing is stored.
describe('pages Firefox will not let us capture', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let tab: Page;
  let sidePanel: SidePanelPage;
  let robots: number;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchFirefox();
    sidePanel = new SidePanelPage(await openSidebarPage(session));
    tab = await openTab(session, `${site.origin}/grafana`);
    robots = await goToUnloadable(session, tab, 'about:robots');
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('the capture command on an about: page declares nothing and shows why on the badge', async () => {
    await expect(captureCommand(session, robots)).rejects.toThrow(
      /does not let extensions capture this page \(browser pages such as about:/,
    );
    expect((await badge(session)).text).toBe('!');
    expect(await storedScreenshots(sidePanel.page)).toEqual([]);
    // No empty incident was declared for a page that could not be captured.
    expect(await storedIncidentTitles(sidePanel.page)).toEqual([]);
  });

  it('the Screenshot button on an about: page says why, in the browser’s own terms, and stores nothing', async () => {
    await tab.goto(`${site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.declare({ title: 'Checkout errors' });
    await popup.currentIncidentTitle();
    await popup.close();

    await goToUnloadable(session, tab, 'about:robots');
    const again = new PopupPage(await openPopupWindow(session));
    await again.button('Screenshot').click();
    const said = await again.alert();
    expect(said).toMatch(/does not let extensions capture this page \(browser pages such as about:/);
    expect(said).not.toMatch(/Chrome/);
    expect(await storedScreenshots(sidePanel.page)).toEqual([]);
    await again.close();
  });

  it('addons.mozilla.org is refused with a clear sentence, nothing stored', async () => {
    // No network here: the tab keeps the address while showing an error page,
    // which is what the rule looks at.
    await goToUnloadable(session, tab, 'https://addons.mozilla.org/en-US/firefox/');
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.button('Screenshot').click();
    expect(await popup.alert()).toMatch(/does not let extensions capture Mozilla’s own sites \(addons\.mozilla\.org\)/);
    expect(await storedScreenshots(sidePanel.page)).toEqual([]);
    await popup.close();
  });
});
