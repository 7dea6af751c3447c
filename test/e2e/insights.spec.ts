import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './fixtures';
import { columnSums, insightsLog, ME_PROFILE } from './insights-seed';
import { storeIncidentLog } from './seed';

// Issue 13, Insights in Chromium (the Firefox twin: test/e2e-firefox/insights.spec.ts).
describe('Insights', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function perWeekRows(page: Page): Promise<string[][]> {
    const card = page.getByRole('region', { name: 'Incidents per week' });
    return card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  }

  it('opens from the side panel; a chart has its title, its table the numbers, the period control works, and it fits 360 px', async () => {
    const panel = await session.context.newPage();
    await panel.goto(session.url('sidepanel.html'));
    await panel.evaluate((profile) => chrome.storage.local.set({ profile }), ME_PROFILE);
    await panel.getByRole('heading', { name: 'Incidents', exact: true }).waitFor();
    await storeIncidentLog(panel, insightsLog());

    const opened = session.context.waitForEvent('page');
    await panel.getByRole('button', { name: 'Insights', exact: true }).click();
    const page = await opened;
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForURL(session.url('insights.html'));

    const chart = page.getByRole('img', { name: 'Incidents per week' });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    const card = page.getByRole('region', { name: 'Incidents per week' });
    await card.getByRole('button', { name: 'Table' }).click();
    // The last 12 weeks: the major two days ago and the minor nine days ago.
    let rows = await perWeekRows(page);
    expect(rows).toHaveLength(12);
    expect(columnSums(rows)).toEqual({ minor: 1, major: 1 });

    await page.getByLabel('Period').selectOption({ label: 'Last 12 months' });
    await page.getByText('3 incidents with activity').waitFor();
    rows = await perWeekRows(page);
    expect(rows).toHaveLength(52);
    expect(columnSums(rows)).toEqual({ minor: 2, major: 1 });

    // 360 px: nothing wider than the page, every chart scaled into it.
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      charts: [...document.querySelectorAll('svg[role="img"]')].map((s) => s.getBoundingClientRect().width),
    }));
    expect(widths.page).toBeLessThanOrEqual(360);
    // Seven charts: per week shown as its table, and no customer update to draw (the major had none).
    expect(widths.charts.length).toBe(5);
    for (const w of widths.charts) expect(w).toBeLessThanOrEqual(360);
  });
});
