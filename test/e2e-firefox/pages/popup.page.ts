import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { byRole, inputValue, roleWithText, textOf } from './queries';

/**
 * The toolbar popup, driven the way a person uses it: by labels and button
 * names. The puppeteer twin of test/e2e/pages/popup.page.ts (same methods
 * where puppeteer allows), so Firefox scenarios read like the Chromium ones.
 */
export class PopupPage {
  constructor(readonly page: Page) {}

  static TITLE = byRole('textbox', 'Title');

  title = () => this.page.locator(PopupPage.TITLE);
  titleValue = () => inputValue(this.page, PopupPage.TITLE);
  button = (name: string) => this.page.locator(byRole('button', name));

  /** First run: the declare form itself asks for my name, above Title; the next declare saves both. */
  async enterName(name: string) {
    await this.page.locator(byRole('textbox', 'Your name')).fill(name);
    await this.title().wait();
  }

  async declare(options: { title?: string; severity?: 'Minor' | 'Major'; summary?: string } = {}) {
    if (options.title !== undefined) await this.title().fill(options.title);
    if (options.severity) await this.page.locator(byRole('radio', options.severity)).click();
    if (options.summary) await this.page.locator(byRole('textbox', 'Summary')).fill(options.summary);
    await this.button('Declare incident').click();
  }

  /** The incident view's title, once the popup shows an incident (its quick actions are there). */
  async currentIncidentTitle(): Promise<string> {
    await this.button('Open side panel').wait();
    return textOf(this.page, 'h1');
  }

  async addNote(text: string) {
    const box = byRole('textbox', 'Add a note');
    await this.page.locator(box).fill(text);
    await this.button('Add note').click();
    await expect.poll(() => inputValue(this.page, box)).toBe('');
  }

  async resolve(outcome: 'Fixed' | 'Deferred (follow up later)' | 'No action needed') {
    await this.button('Resolve…').click();
    await this.page.locator(byRole('radio', outcome)).click();
    await this.button('Resolve incident').click();
    await this.status('Resolved');
  }

  /** Waits for the status line to say `text`; answers all it says. */
  status = (text: string | RegExp, timeout?: number) => roleWithText(this.page, 'status', text, timeout);

  /**
   * Waits for the capture status line to say `text`; if an alert shows
   * instead, fails with its sentence rather than a bare timeout.
   */
  async captured(text: string, timeout = 30_000) {
    const outcome = await this.page.waitForFunction(
      (t: string) => {
        const status = document.querySelector('[role="status"]')?.textContent ?? '';
        if (status.includes(t)) return { ok: true, said: status };
        const alert = document.querySelector('[role="alert"]')?.textContent;
        return alert ? { ok: false, said: alert } : false;
      },
      { timeout, polling: 100 },
      text,
    );
    const { ok, said } = (await outcome.jsonValue()) as { ok: boolean; said: string };
    if (!ok) throw new Error(`The popup did not say "${text}"; it said: ${said}`);
  }

  /** Waits for an alert and answers its sentence. */
  alert = (timeout?: number) => roleWithText(this.page, 'alert', /\S/, timeout);

  /**
   * Waits for the popup to close itself (window.close()). Over BiDi puppeteer
   * emits no 'close' for that, so this waits until the page is gone.
   */
  async closedByItself(timeout = 15_000) {
    const deadline = Date.now() + timeout;
    while (!this.page.isClosed() && (await this.page.evaluate(() => true).catch(() => false))) {
      if (Date.now() > deadline) throw new Error('The popup did not close');
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  /** Closes the popup's window, as clicking away does. */
  close = () => this.page.close();
}
