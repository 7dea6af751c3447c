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
    await this.page.getByLabel('Publishable or anon key').fill(anonKey);
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

  /** The code to hand out (the newest live one). */
  async inviteCode(): Promise<string> {
    const code = this.page.getByLabel('Invite code', { exact: true }).and(this.page.locator('code'));
    await code.waitFor();
    return (await code.textContent())!.trim();
  }

  /** Tries a code; resolves with what the page said when it refused (or fails if it joined). */
  async joinTeamRefused(code: string): Promise<string> {
    await this.page.getByRole('textbox', { name: 'Invite code' }).fill(code);
    await this.page.getByRole('button', { name: 'Join team' }).click();
    const alert = this.page.getByRole('alert');
    await alert.or(this.members()).first().waitFor();
    if (await this.members().isVisible()) throw new Error(`Joined with ${code}; expected a refusal`);
    return (await alert.textContent())!.trim();
  }

  members = () => this.page.getByRole('list', { name: 'Team members' });
  liveCodes = () => this.page.getByRole('list', { name: 'Live invite codes' });

  /** Clicks `label`, then the confirming button of the question that replaces it. */
  private async confirm(label: string, confirmLabel: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    // Focus lands on Cancel, so a second Enter would be harmless.
    await expectFocused(this.page.getByRole('button', { name: 'Cancel' }));
    await this.page.getByRole('button', { name: confirmLabel, exact: true }).click();
  }

  async removeMember(name: string) {
    await this.confirm(`Remove ${name}`, `Remove ${name} from the team`);
    await this.members().getByText(`${name} (former member)`).waitFor();
  }

  async transferOwnership(name: string) {
    await this.confirm(`Make ${name} the owner`, `Transfer ownership to ${name}`);
    await this.members().getByText(`${name} (owner)`).waitFor();
  }

  async leaveTeam(team: string) {
    await this.confirm(`Leave ${team}`, `Leave ${team} now`);
    await this.page.getByText(`You left ${team}.`).waitFor();
  }

  /** An owner mints a code; answers the new one (it becomes the newest, so the one to hand out). */
  async createInviteCode(): Promise<string> {
    const before = await this.liveCodes().getByRole('listitem').count();
    await this.page.getByRole('button', { name: 'Create invite code' }).click();
    await this.liveCodes().getByRole('listitem').nth(before).waitFor();
    return this.inviteCode();
  }

  async revokeCode(code: string) {
    await this.confirm(`Revoke ${code}`, `Revoke code ${code}`);
    await this.liveCodes().getByRole('listitem').filter({ hasText: code }).waitFor({ state: 'detached' });
  }
}

async function expectFocused(locator: ReturnType<Page['getByRole']>) {
  await locator.waitFor();
  const focused = await locator.evaluate((el) => el === document.activeElement);
  if (!focused) throw new Error('The confirm question did not move focus to Cancel');
}
