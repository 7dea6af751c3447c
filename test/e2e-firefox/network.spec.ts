import { describe, expect, it } from 'vitest';
import { NETWORK_PROBE_MEASURE, NETWORK_READ_MEASURE } from '../../lib/perf/marks';
import {
  expectFailingPageNetwork,
  expectHostilePageNetwork,
  failingPageLines,
  visitSettled,
} from '../support/network-pages';
import {
  openPopupWindow,
  redAlertSuite,
  storedScreenshots,
} from './fixtures';
import { PopupPage } from './pages/popup.page';
import { waitForText } from './pages/queries';

/**
 * The Chromium twin is test/e2e/network.spec.ts: the same pages, the same
 * checks, except the page with many resource entries (MANY_ENTRIES in
 * test/support/network-pages.ts; its 10,000 fetches took 50 s of Firefox's
 * share of CI's 20 minutes); the probe and the judge that cut
 * it are the same code in both browsers (lib/capture/resource-timing-probe.ts,
 * network-judge.ts; network-judge.test.ts judges 10,000 entries), so Chromium’s run of it
 * stands for both. bench/README.md keeps Firefox's figure for it (29 ms).
 */
describe('the page’s requests with a screenshot, in Firefox', () => {
  const suite = redAlertSuite();

  const visit = (path: string) => visitSettled(suite.tab, `${suite.site.origin}${path}`);

  async function screenshot() {
    const before = (await storedScreenshots(suite.sidePanel.page)).length;
    await suite.tab.bringToFront();
    const popup = new PopupPage(await openPopupWindow(suite.session));
    await popup.button('Screenshot').click();
    await popup.captured('Screenshot added to the timeline.');
    await popup.close();
    const shots = await storedScreenshots(suite.sidePanel.page);
    expect(shots).toHaveLength(before + 1);
    return shots.at(-1)!;
  }

  const lastRead = () =>
    suite.session.background(
      (bg, names) => names.map((name) => (bg.performance.getEntriesByName(name).at(-1)?.duration ?? -1).toFixed(1)).join(' ms round trip, in the page '),
      [NETWORK_READ_MEASURE, NETWORK_PROBE_MEASURE],
    );

  it('Firefox ESR 153 reports responseStatus (the facts docs/architecture.md cites)', async () => {
    await visit('/failing');
    expect(await suite.tab.evaluate(() => 'responseStatus' in PerformanceResourceTiming.prototype)).toBe(true);
  });

  it('lists the 500 and the 404 under Failed requests, the slowest under Slowest requests, the token stripped', async () => {
    const shot = await screenshot();
    // Firefox reports the cross-origin image's real 404 (Chromium: 0), so it fails too.
    expectFailingPageNetwork(shot.network, suite.site.origin, 404);

    const timeline = 'ol[aria-label="Timeline"]';
    await waitForText(suite.sidePanel.page, `${timeline} details[open] > summary`, 'Failed requests (3)', { exact: true });
    const failed = await suite.sidePanel.page.$$eval(`${timeline} details[open] li`, (lis) => lis.map((li) => li.textContent));
    expect(failed).toHaveLength(3);
    const lines = failingPageLines(suite.site.origin, 404);
    expect(failed).toEqual(expect.arrayContaining([lines.token500, lines.plain404, lines.crossOrigin].map((re) => expect.stringMatching(re))));
    expect(await suite.sidePanel.page.$$eval(`${timeline} .network a`, (links) => links.length)).toBe(0); // text, never links

    // Folded until asked for, from the keyboard.
    await suite.sidePanel.page.bringToFront();
    await suite.sidePanel.page.focus(`${timeline} details:not([open]) > summary`);
    await suite.sidePanel.page.keyboard.press('Enter');
    await suite.sidePanel.page.waitForSelector(`${timeline} details[open]:nth-of-type(2) li`, { timeout: 5_000 });
    const slowest = (await suite.sidePanel.page.$$eval(`${timeline} details[open]:nth-of-type(2) li`, (lis) => lis.map((li) => li.textContent ?? ''))).filter(
      (t) => !t.includes(' · navigation · '),
    );
    expect(slowest[0]).toMatch(lines.slow);
    expect(slowest[1]).toMatch(lines.crossOrigin);
    console.info(`Firefox network read on /failing: ${await lastRead()} ms`);
  });

  it('a page that replaces performance.getEntriesByType with garbage still gets its screenshot', async () => {
    await visit('/hostile-timing');
    const shot = await screenshot();
    expect(shot.pageTitle).toBe('Hostile timing');
    expectHostilePageNetwork(shot.network, suite.site.origin);
  });
});
