import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { INSTALL_LINKS } from '../../lib/team/install-links';
import { NOT_HTTPS } from '../../lib/team/invite-message-parse';
import { PASSWORD } from '../e2e/team-backend';
import { byRole, inputValue, roleWithText } from './pages/queries';
import { FirefoxOptionsPage, twoFirefoxPeopleOnATeam, waitForText } from './team-fixture';

/**
 * A real paste: the text goes on this Firefox's clipboard, then Ctrl+V in the
 * field. Puppeteer evaluates over WebDriver BiDi with user activation
 * (script.callFunction's userActivation, https://w3c.github.io/webdriver-bidi/#command-script-callFunction),
 * which Firefox's navigator.clipboard.writeText requires of a page.
 */
async function paste(page: Page, label: string, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(byRole('textbox', label)).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
}
const value = (page: Page, label: string) => inputValue(page, byRole('textbox', label));

// The Firefox twin of test/e2e/invite.spec.ts (issue 12, "Invite in one step").
describe('invite in one step in Firefox', () => {
  const t = twoFirefoxPeopleOnATeam();
  let message = '';
  let code = '';
  let his: FirefoxOptionsPage;

  it('an owner copies one message with the install links, URL, public key and code', async () => {
    const hers = await t.setUp(t.sophie, 'Sophie', 'sophie@example.test');
    code = await hers.createTeam('Acme');
    await hers.button('Copy invite').click();
    await roleWithText(hers.page, 'status', 'Invite message copied');
    // Firefox reads back without its paste prompt what this same page wrote.
    message = await hers.page.evaluate(() => navigator.clipboard.readText());
    expect(message).toMatch(/invited to the Acme team on Incident Capture, a browser extension/);
    for (const part of [INSTALL_LINKS.chromeWebStore, INSTALL_LINKS.firefoxAddons, `Project URL: ${t.backend.standin.url}`, t.backend.standin.anonKey, `Invite code: ${code}`]) {
      expect(message).toContain(part);
    }
  });

  it('a fresh profile refuses a pasted invite whose project URL is not https, changing nothing', async () => {
    await t.backend.standin.createUser('lawrence@example.test', PASSWORD);
    his = new FirefoxOptionsPage(await t.lawrence.openExtensionPage('options.html'));
    await his.saveName('Lawrence');
    await paste(his.page, 'Project URL', message.replace(t.backend.standin.url, 'http://supabase.example.com'));
    expect(await roleWithText(his.page, 'alert', NOT_HTTPS)).toBe(NOT_HTTPS);
    expect(await value(his.page, 'Project URL')).toBe('');
    expect(await value(his.page, 'Publishable or anon key')).toBe('');
  });

  it('pasting the whole message into Project URL fills URL and key; he connects, signs in, and the code is waiting', async () => {
    await paste(his.page, 'Project URL', message.replace(t.backend.standin.url, `<${t.backend.standin.url}|${t.backend.standin.url}>`));
    expect(await value(his.page, 'Project URL')).toBe(t.backend.standin.url);
    expect(await value(his.page, 'Publishable or anon key')).toBe(t.backend.standin.anonKey);
    await his.button('Connect').click();
    await waitForText(his.page, 'Connected to');
    await his.signIn('lawrence@example.test', PASSWORD);
    await expect.poll(() => value(his.page, 'Invite code')).toBe(code);
  });

  it('a code of the wrong shape pasted into the join field is refused and changes nothing; the whole message joins', async () => {
    await paste(his.page, 'Invite code', 'ABCDE0O1I2');
    await roleWithText(his.page, 'alert', '"ABCDE0O1I2" is not an invite code.');
    expect(await value(his.page, 'Invite code')).toBe(code);

    await his.page.$eval(byRole('textbox', 'Invite code'), (el) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, '');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await paste(his.page, 'Invite code', message);
    expect(await value(his.page, 'Invite code')).toBe(code);
    await his.button('Join team').click();
    await waitForText(his.page, 'Sophie (owner)', { within: 'Team members' });
  });
});
