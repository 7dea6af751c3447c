import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_PROBE_MEASURE, NETWORK_READ_MEASURE } from '../../lib/perf/marks';
import {
  expectFailingPageNetwork,
  expectHostilePageNetwork,
  expectManyPageNetwork,
  failingPageLines,
  MANY_ENTRIES,
  visitSettled,
} from '../support/network-pages';
import { launchExtension, openPopupWindow, startTestSite, storedScreenshots, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

/**
 * The page's failed and slowest requests with each screenshot (issue 11,
 * item 2), in Chromium: read from the page's Resource Timing under the
 * popup's activeTab grant, stored with the screenshot, shown under it.
 */
describe('the page’s requests with a screenshot', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let tab: Page;
  let sidePanel: SidePanelPage;

  const visit = (path: string) => visitSettled(tab, `${site.origin}${path}`);

  async function screenshot() {
    const before = (await storedScreenshots(sidePanel.page)).length;
    await tab.bringToFront();
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.page.getByRole('button', { name: 'Screenshot' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Screenshot added to the timeline.' }).waitFor();
    await popup.page.close();
    const shots = await storedScreenshots(sidePanel.page);
    expect(shots).toHaveLength(before + 1);
    return shots.at(-1)!;
  }

  /** How long the last network read took in the service worker (the executeScript round trip). */
  const lastRead = () =>
    session.worker.evaluate(
      (names) => names.map((name) => (performance.getEntriesByName(name).at(-1)?.duration ?? -1).toFixed(1)).join(' ms round trip, in the page '),
      [NETWORK_READ_MEASURE, NETWORK_PROBE_MEASURE],
    );

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchExtension();
    tab = await session.context.newPage();
    await visit('/failing');
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.declare({ title: 'Checkout failing', severity: 'Major' });
    await popup.currentIncidentTitle();
    await popup.page.close();
    sidePanel = new SidePanelPage(await session.context.newPage());
    await sidePanel.page.goto(session.url('sidepanel.html'));
    await sidePanel.openIncident('Checkout failing');
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('Chromium reports responseStatus (the facts docs/architecture.md cites)', async () => {
    expect(await tab.evaluate(() => 'responseStatus' in PerformanceResourceTiming.prototype)).toBe(true);
  });

  it('lists the 500 and the 404 under Failed requests, the slowest under Slowest requests, the token stripped', async () => {
    const shot = await screenshot();
    expectFailingPageNetwork(shot.network, site.origin, 0);

    const failed = sidePanel.timeline().getByRole('group').filter({ hasText: 'Failed requests (2)' });
    await failed.waitFor();
    const failedItems = await failed.getByRole('listitem').allTextContents();
    expect(failedItems).toHaveLength(2);
    const lines = failingPageLines(site.origin, 0);
    expect(failedItems[0]).toMatch(lines.token500);
    expect(failedItems[1]).toMatch(lines.plain404);
    expect(await sidePanel.timeline().getByRole('link', { name: /net\/r/ }).count()).toBe(0); // text, never links

    // Folded until asked for, from the keyboard.
    const slowest = sidePanel.timeline().getByRole('group').filter({ hasText: 'Slowest requests' });
    await slowest.locator('summary').focus();
    await sidePanel.page.keyboard.press('Enter');
    const slowItems = slowest.getByRole('listitem');
    await slowItems.first().waitFor();
    const texts = (await slowItems.allTextContents()).filter((t) => !t.includes(' · navigation · '));
    expect(texts[0]).toMatch(lines.slow);
    expect(texts[1]).toMatch(lines.crossOrigin);
    console.info(`network read on /failing: ${await lastRead()} ms`);
  });

  it(`a page with ${MANY_ENTRIES} resource entries is read, cut to the lists, and captured`, async () => {
    expect(Number(await visit('/many'))).toBeGreaterThanOrEqual(MANY_ENTRIES + 1);
    const shot = await screenshot();
    expectManyPageNetwork(shot.network, site.origin);
    console.info(`network read of ${MANY_ENTRIES} entries: ${await lastRead()} ms`);
  }, 180_000);

  it('a page that replaces performance.getEntriesByType with garbage still gets its screenshot', async () => {
    await visit('/hostile-timing');
    const shot = await screenshot();
    expect(shot.pageTitle).toBe('Hostile timing');
    expectHostilePageNetwork(shot.network, site.origin);
  });
});
