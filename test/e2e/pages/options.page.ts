import type { Page } from 'playwright-core';

/** The options page's Team section, driven as a person does. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  async saveName(name: string) {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Save name' }).click();
    await this.page.getByRole('heading', { name: 'Your profile' }).waitFor();
  }

  async connect(url: string, anonKey: string) {
    await this.page.getByLabel('Project URL').fill(url);
    await this.page.getByLabel('Anon public key').fill(anonKey);
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await this.settled(this.page.getByText('Connected to'));
  }

  /** Waits for `done`; if the page shows an error instead, fails with its sentence (not a bare timeout). */
  private async settled(done: ReturnType<Page['getByText']>) {
    const alert = this.page.getByRole('alert');
    await done.or(alert).first().waitFor();
    if (!(await done.isVisible())) throw new Error(`The options page said: ${await alert.first().textContent()}`);
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.settled(this.page.getByText(`Signed in as ${email}`));
  }

  async createTeam(name: string): Promise<string> {
    await this.page.getByLabel('Team name').fill(name);
    await this.page.getByRole('button', { name: 'Create team' }).click();
    const code = this.page.getByLabel('Invite code', { exact: true }).and(this.page.locator('code'));
    await code.waitFor();
    return (await code.textContent())!.trim();
  }

  async joinTeam(code: string) {
    await this.page.getByLabel('Invite code').fill(code);
    await this.page.getByRole('button', { name: 'Join team' }).click();
    await this.page.getByRole('list', { name: 'Team members' }).waitFor();
  }
}
