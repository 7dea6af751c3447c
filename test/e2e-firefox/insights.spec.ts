import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnSums, insightsLog, ME_PROFILE } from '../e2e/insights-seed';
import { launchFirefox, openSidebarPage, openTab, storeIncidentLog, type FirefoxSession } from './fixtures';
import { byRole, waitForText } from './pages/queries';

/** The tab the Insights button opened, from the extension's tabs API: puppeteer does not follow a window.open into moz-extension:// (see report.spec.ts). */
async function insightsTabUrl(session: FirefoxSession): Promise<string> {
  const url = session.url('insights.html');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const urls: (string | undefined)[] = await session.background(async (bg) => (await bg.browser.tabs.query({})).map((t: { url?: string }) => t.url));
    if (urls.includes(url)) return url;
    if (Date.now() > deadline) throw new Error(`No Insights tab opened: tabs ${JSON.stringify(urls)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const perWeekRows = (page: Page): Promise<string[][]> =>
  page.evaluate(() => {
    const card = [...document.querySelectorAll('section.chart')].find((s) => s.querySelector('h2')?.textContent === 'Incidents per week')!;
    return [...card.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? ''));
  });

// Issue 13, Insights in Firefox (the Chromium twin: test/e2e/insights.spec.ts).
describe('Insights in Firefox', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens from the sidebar; a chart has its title, its table the numbers, the period control works, and it fits 360 px', async () => {
    await session.background((bg, profile) => bg.browser.storage.local.set({ profile }).then(() => true), ME_PROFILE);
    const sidebar = await openSidebarPage(session);
    await waitForText(sidebar, 'h1', 'Incidents', { exact: true });
    await storeIncidentLog(sidebar, insightsLog());
    await sidebar.locator(byRole('button', 'Insights')).click();
    const page = await openTab(session, await insightsTabUrl(session));
    await page.setViewport({ width: 360, height: 800 });

    // Plain DOM polls: Firefox updates the accessibility tree ARIA selectors wait on lazily (./pages/queries.ts).
    await waitForText(page, 'section.chart h2', 'Incidents per week', { exact: true });
    const labelled = await page.evaluate(() => {
      const svg = document.querySelector('section.chart svg[role="img"]')!;
      return [svg.getAttribute('aria-labelledby'), svg.getAttribute('aria-describedby')].map((id) => document.getElementById(id!)?.textContent);
    });
    expect(labelled[0]).toBe('Incidents per week');
    expect(labelled[1]).toMatch(/^2 incidents declared over 12 weeks \(1 minor, 1 major\)/);
    await page.evaluate(() => {
      const card = [...document.querySelectorAll('section.chart')].find((s) => s.querySelector('h2')?.textContent === 'Incidents per week')!;
      card.querySelector<HTMLButtonElement>('button[aria-pressed]')!.click();
    });
    await page.waitForSelector('section.chart tbody tr');
    let rows = await perWeekRows(page);
    expect(rows).toHaveLength(12);
    expect(columnSums(rows)).toEqual({ minor: 1, major: 1 });

    await page.select('select', '12m');
    await waitForText(page, '.insights-range', '3 incidents with activity');
    rows = await perWeekRows(page);
    expect(rows).toHaveLength(52);
    expect(columnSums(rows)).toEqual({ minor: 2, major: 1 });

    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      charts: [...document.querySelectorAll('svg[role="img"]')].map((s) => s.getBoundingClientRect().width),
    }));
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.charts).toHaveLength(5); // per week shown as its table; no customer update to draw
    for (const w of widths.charts) expect(w).toBeLessThanOrEqual(360);
  });
});
