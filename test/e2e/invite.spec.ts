import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INSTALL_LINKS } from '../../lib/team/install-links';
import { NOT_HTTPS } from '../../lib/team/invite-message-parse';
import { OptionsPage } from './pages/options.page';
import { PASSWORD, twoPeopleOnATeam } from './team-backend';

/**
 * A real paste: the text goes on this profile's clipboard, then Ctrl+V in the
 * field. Chromium lets a page read and write the clipboard once the context
 * holds the clipboard permissions (https://playwright.dev/docs/api/class-browsercontext#browser-context-grant-permissions).
 */
async function paste(page: Page, field: Locator, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await field.focus();
  await page.keyboard.press('Control+V');
}

// Issue 12, "Invite in one step": Copy invite puts one message on the
// clipboard; a teammate on a fresh profile pastes all of it to connect and join.
describe('invite in one step', () => {
  const t = twoPeopleOnATeam();
  let message = '';
  let code = '';
  let his: OptionsPage;
  const clipboard = ['clipboard-read', 'clipboard-write'];

  it('an owner copies one message: what the tool is, install links, the 3 steps, URL, public key and code', async () => {
    await t.sophie.context.grantPermissions(clipboard);
    const hers = await t.setUp(t.sophie, 'Sophie', 'sophie@example.test');
    code = await hers.createTeam('Acme');
    await hers.page.getByRole('button', { name: 'Copy invite' }).click();
    await hers.page.getByRole('status').filter({ hasText: 'Invite message copied' }).waitFor();
    message = await hers.page.evaluate(() => navigator.clipboard.readText());

    expect(message).toMatch(/invited to the Acme team on Incident Capture, a browser extension for declaring an incident/);
    for (const part of [INSTALL_LINKS.chromeWebStore, INSTALL_LINKS.firefoxAddons, '1. Install', '2. Open', '3. Press Join team']) {
      expect(message).toContain(part);
    }
    expect(message).toContain(`Project URL: ${t.backend.standin.url}`);
    expect(message).toContain(t.backend.standin.anonKey);
    expect(message).toContain(`Invite code: ${code}`);
  });

  it('a fresh profile refuses a pasted invite whose project URL is not https, with a sentence, changing nothing', async () => {
    await t.lawrence.context.grantPermissions(clipboard);
    await t.backend.standin.createUser('lawrence@example.test', PASSWORD);
    his = new OptionsPage(await t.lawrence.context.newPage());
    await his.page.goto(t.lawrence.url('options.html'));
    await his.saveName('Lawrence');
    const url = his.page.getByLabel('Project URL');
    await paste(his.page, url, message.replace(t.backend.standin.url, 'http://supabase.example.com'));
    expect(await his.page.getByRole('alert').textContent()).toBe(NOT_HTTPS);
    expect(await url.inputValue()).toBe('');
    expect(await his.page.getByLabel('Publishable or anon key').inputValue()).toBe('');
  });

  it('pasting the whole message (as Slack reformats it) into Project URL fills URL and key; then Connect', async () => {
    const slack = message.replace(t.backend.standin.url, `<${t.backend.standin.url}|${t.backend.standin.url}>`).replace(code, `\`${code}\``);
    await paste(his.page, his.page.getByLabel('Project URL'), slack);
    expect(await his.page.getByLabel('Project URL').inputValue()).toBe(t.backend.standin.url);
    expect(await his.page.getByLabel('Publishable or anon key').inputValue()).toBe(t.backend.standin.anonKey);
    expect(await his.page.getByRole('alert').count()).toBe(0);
    await his.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await his.page.getByText('Connected to').waitFor();
    await his.signIn('lawrence@example.test', PASSWORD);
  });

  it('the join step comes prefilled with the code; a bad paste there is refused and changes nothing', async () => {
    const field = his.page.getByRole('textbox', { name: 'Invite code' });
    await expect.poll(() => field.inputValue()).toBe(code);
    await paste(his.page, field, 'ABCDE0O1I2');
    expect(await his.page.getByRole('alert').textContent()).toMatch(/"ABCDE0O1I2" is not an invite code\. Invite codes are 10 letters and digits/);
    expect(await field.inputValue()).toBe(code);
    await paste(his.page, field, 'Here is the project: https://abcdefgh.supabase.co');
    expect(await his.page.getByRole('alert').textContent()).toMatch(/has no invite code/);
    expect(await field.inputValue()).toBe(code);
  });

  it('pasting the whole message into the join field finds the code, and he joins the team', async () => {
    const field = his.page.getByRole('textbox', { name: 'Invite code' });
    await field.fill('');
    await paste(his.page, field, message);
    expect(await field.inputValue()).toBe(code);
    await his.page.getByRole('button', { name: 'Join team' }).click();
    await his.members().getByText('Sophie (owner)').waitFor();
    expect(await his.page.getByText('Team Acme').count()).toBeGreaterThan(0);
  });
});
