import type { Page } from 'playwright-core';

/** Options → Trackers, driven as a person does. */
export class TrackerSettingsPage {
  constructor(readonly page: Page) {}

  form = () => this.page.getByRole('form', { name: 'Trackers' });

  async save(fields: { repository?: string; jiraSite?: string; jiraProject?: string; jiraIssueType?: string }) {
    const form = this.form();
    if (fields.repository !== undefined) await form.getByLabel('GitHub repository').fill(fields.repository);
    if (fields.jiraSite !== undefined) await form.getByLabel('Jira site').fill(fields.jiraSite);
    if (fields.jiraProject !== undefined) await form.getByLabel('Jira project id (pid)').fill(fields.jiraProject);
    if (fields.jiraIssueType !== undefined) await form.getByLabel('Jira issue type id').fill(fields.jiraIssueType);
    await form.getByRole('button', { name: 'Save trackers' }).click();
  }
}

/** One follow-up in the side panel's incident view, with its tracker controls. */
export class FollowUpRow {
  constructor(
    readonly page: Page,
    readonly text: string,
  ) {}

  item = () => this.page.getByRole('list', { name: 'Follow-ups', exact: true }).getByRole('listitem').filter({ hasText: this.text });

  /** Clicks Create <tracker> issue and answers the new tab's URL. */
  async createIssue(tracker: 'GitHub' | 'Linear' | 'Jira'): Promise<string> {
    const opened = this.page.context().waitForEvent('page');
    await this.item().getByRole('link', { name: `Create ${tracker} issue` }).click();
    const tab = await opened;
    const url = tab.url() === 'about:blank' ? (await tab.waitForURL(/^https:/), tab.url()) : tab.url();
    await tab.close();
    return url;
  }

  async linkIssue(url: string) {
    await this.item().getByRole('textbox', { name: 'Issue link' }).fill(url);
    await this.item().getByRole('button', { name: /^(Link issue|Replace link)$/ }).click();
  }

  issueLink = (name: string) => this.item().getByRole('link', { name });
  alert = () => this.item().getByRole('alert');
}
