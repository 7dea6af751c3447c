import type { Page } from 'puppeteer-core';
import { byRole, waitForText } from './queries';

/**
 * The sidebar (Firefox's sidebar_action panel), opened as a page in a window
 * of its own (a headless browser draws no sidebar; fixtures.ts openSidebarPage).
 * The puppeteer twin of test/e2e/pages/sidepanel.page.ts. Waits for text are
 * plain DOM polls (queries.ts waitForText); actions go by ARIA role and name.
 */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  /** Waits for an incident titled `title` in the list of active ones. */
  async waitForActive(title: string) {
    await waitForText(this.page, 'ul[aria-label="Active incidents"] button', title, { exact: true });
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
    await waitForText(this.page, 'h1', title, { exact: true });
  }

  /** Waits for a timeline entry containing `text`. */
  async waitForTimelineText(text: string, timeout?: number) {
    await waitForText(this.page, 'ol[aria-label="Timeline"] li', text, { timeout });
  }

  /** Waits for a log (monospace) entry containing `text`; answers all of it. */
  waitForTimelineLog = (text: string) => waitForText(this.page, 'ol[aria-label="Timeline"] pre', text);

  /** Waits for a link on the timeline reading `name`. */
  waitForTimelineLink = (name: string) => waitForText(this.page, 'ol[aria-label="Timeline"] a', name, { exact: true });

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

  /**
   * Opens an incident by its address, as the popup's "Open side panel" does.
   * What was seeded raw (test/e2e/seed.ts) after this page first read that
   * incident needs a fresh page: Dexie caches live-query results, and only
   * its own writes invalidate them. (Reloading this page timed out over BiDi.)
   */
  async showIncident(id: string, title: string) {
    await this.page.evaluate((hash: string) => (location.hash = hash), `#/incident/${id}`);
    await waitForText(this.page, 'h1', title, { exact: true });
  }

  /** The Catch up card once the whole log is read: its facts as shown (innerText), and its last notes. */
  async catchUp(): Promise<{ facts: string; notes: string[] }> {
    const card = await this.page.waitForFunction(
      () => {
        const c = document.querySelector<HTMLElement>('section[aria-labelledby="catch-up-heading"]');
        if (!c || c.textContent!.includes('Reading the log…')) return false;
        return { facts: c.querySelector('dl')!.innerText, notes: [...c.querySelectorAll<HTMLElement>('ol > li')].map((li) => li.innerText) };
      },
      { polling: 100 },
    );
    try {
      return (await card.jsonValue()) as { facts: string; notes: string[] };
    } finally {
      await card.dispose();
    }
  }

  /**
   * Adds a note through the composer under the timeline, in the page itself:
   * puppeteer's locators wait for animation frames, which a sidebar window
   * behind another never gets (seen with two sidebar pages open).
   */
  async addNote(text: string) {
    await this.page.evaluate(async (t: string) => {
      const form = document.querySelector<HTMLFormElement>('form[aria-label="Note composer"]')!;
      const box = form.querySelector('textarea')!;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, t);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 0)); // React renders the typed text before the click reads it
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    }, text);
    await this.page.waitForFunction(() => !document.querySelector<HTMLTextAreaElement>('form[aria-label="Note composer"] textarea')!.value, { polling: 100 });
  }

  async back() {
    await this.page.locator(byRole('button', '← All incidents')).click();
  }
}
