import type { Page } from 'playwright-core';

/** The side panel, opened as a page (headless Chromium has no side panel chrome). */
export class SidePanelPage {
  constructor(readonly page: Page) {}

  activeList = () => this.page.getByRole('list', { name: 'Active incidents' });
  resolvedList = () => this.page.getByRole('list', { name: 'Recently resolved incidents' });
  timeline = () => this.page.getByRole('list', { name: 'Timeline' });

  async openIncident(title: string) {
    await this.page.getByRole('button', { name: title, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async back() {
    await this.page.getByRole('button', { name: '← All incidents' }).click();
  }
}
