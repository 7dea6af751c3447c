import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The side panel, opened as a page (headless Chromium has no side panel chrome). */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  activeList = () => this.page.getByRole('list', { name: 'Active incidents' });
  resolvedList = () => this.page.getByRole('list', { name: 'Resolved incidents' });
  timeline = () => this.page.getByRole('list', { name: 'Timeline' });

  async openIncident(title: string) {
    await this.page.getByRole('button', { name: title, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  /** Shows one of the list's views (Active, Mine, Major, Not involved, Resolved, Follow-ups). */
  async show(view: string) {
    await this.page.getByRole('group', { name: 'Show' }).getByRole('button', { name: view, exact: true }).click();
  }

  /** The timeline is windowed: entries far below the fold are drawn once scrolled to, as a person would. */
  async scrollToEnd() {
    await this.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  }

  /** The Catch up card of the open incident. */
  catchUp = () => this.page.getByRole('region', { name: 'Catch up' });

  /**
   * Opens an incident by its address in a reloaded panel, as after a restart:
   * what was seeded raw (test/e2e/seed.ts) is read afresh, not from Dexie's
   * cache of live-query results, which only Dexie's own writes invalidate.
   */
  async showIncident(id: string, title: string) {
    await this.page.evaluate((hash) => (location.hash = hash), `#/incident/${id}`);
    await this.page.reload();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  /** Adds a note through the composer under the timeline. */
  async addNote(text: string) {
    await this.page.getByLabel('Add to the timeline').fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => this.page.getByLabel('Add to the timeline').inputValue()).toBe('');
  }

  async back() {
    await this.page.getByRole('button', { name: '← All incidents' }).click();
  }
}
