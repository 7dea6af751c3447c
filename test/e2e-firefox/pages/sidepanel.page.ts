import type { Page } from 'puppeteer-core';
import { byRole, byText } from './queries';

/**
 * The sidebar (Firefox's sidebar_action panel), opened as a page: a headless
 * browser draws no sidebar. The puppeteer twin of test/e2e/pages/sidepanel.page.ts.
 */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  static ACTIVE = byRole('list', 'Active incidents');
  static RESOLVED = byRole('list', 'Resolved incidents');
  static TIMELINE = byRole('list', 'Timeline');

  /** Waits for an incident titled `title` in the list of active ones. */
  async waitForActive(title: string) {
    await this.page.waitForSelector(`${SidePanelPage.ACTIVE} ${byRole('button', title)}`);
  }

  /** Waits for a row of the active list containing `text` (title, severity, lead, age); answers the row's text. */
  async activeRow(text: string): Promise<string> {
    const row = await this.page.waitForFunction(
      (t: string) =>
        [...document.querySelectorAll('ul[aria-label="Active incidents"] > li')].map((li) => li.textContent ?? '').find((s) => s.includes(t)) ??
        false,
      { polling: 100 },
      text,
    );
    return (await row.jsonValue()) as string;
  }

  async openIncident(title: string) {
    await this.page.locator(byRole('button', title)).click();
    await this.page.waitForSelector(byRole('heading', title));
  }

  /** Waits for a timeline entry containing `text`. */
  async waitForTimelineText(text: string, timeout?: number) {
    await this.page.waitForSelector(byText(text, SidePanelPage.TIMELINE), { timeout });
  }

  /**
   * Waits for `count` thumbnails named `name` on the timeline. By alt text, not
   * ARIA: the thumbnail sits in a button, whose children are presentational.
   */
  async waitForTimelineImages(name: string, count = 1, timeout = 15_000) {
    await this.page.waitForFunction(
      (n: string, c: number) => document.querySelectorAll(`[aria-label="Timeline"] img[alt="${n}"]`).length >= c,
      { polling: 100, timeout },
      name,
      count,
    );
  }

  /** The timeline is windowed: entries far below the fold are drawn once scrolled to, as a person would. */
  async scrollToEnd() {
    await this.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  }

  async back() {
    await this.page.locator(byRole('button', '← All incidents')).click();
  }
}
