import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The toolbar popup, driven the way a person uses it: by labels and button names. */
export class PopupPage {
  constructor(readonly page: Page) {}

  title = () => this.page.getByLabel('Title', { exact: true });

  /** First run: the declare form itself asks for my name, above Title; the next declare saves both. */
  async enterName(name: string) {
    await this.page.getByLabel('Your name').fill(name);
    await this.title().waitFor();
  }

  async declare(options: { title?: string; severity?: 'Minor' | 'Major'; summary?: string } = {}) {
    if (options.title !== undefined) await this.title().fill(options.title);
    if (options.severity) await this.page.getByRole('radio', { name: options.severity }).check();
    if (options.summary) await this.page.getByLabel('Summary').fill(options.summary);
    await this.page.getByRole('button', { name: 'Declare incident' }).click();
  }

  /** The incident view's title, once the popup shows an incident (its quick actions are there). */
  async currentIncidentTitle(): Promise<string> {
    await this.page.getByRole('button', { name: 'Open side panel' }).waitFor();
    return (await this.page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  }

  async addNote(text: string) {
    await this.page.getByRole('textbox', { name: 'Add a note' }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => this.page.getByRole('textbox', { name: 'Add a note' }).inputValue()).toBe('');
  }

  async resolve(outcome: 'Fixed' | 'Deferred (follow up later)' | 'No action needed') {
    await this.page.getByRole('button', { name: 'Resolve…' }).click();
    await this.page.getByRole('radio', { name: outcome }).check();
    await this.page.getByRole('button', { name: 'Resolve incident' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Resolved' }).waitFor();
  }

  alert = () => this.page.getByRole('alert');
}
