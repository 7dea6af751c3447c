import type { Page } from 'playwright-core';

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

  async back() {
    await this.page.getByRole('button', { name: '← All incidents' }).click();
  }
}
