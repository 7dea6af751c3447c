import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxSession } from '../support/firefox.mjs';
import { defaultOAuthConfig } from '../support/standin';
import { teamWithInvite } from '../e2e/managed-policy';
import { PASSWORD, startTeamBackend, type TeamBackend } from '../e2e/team-backend';
import { openPopupWindow, openTab } from './fixtures';
import { copyWithAddonId, MANAGED_ADDON_ID, removeFirefoxPolicy, writeFirefoxPolicy } from './managed-policy';
import { PopupPage } from './pages/popup.page';
import { byRole } from './pages/queries';
import { FirefoxOptionsPage, waitForText } from './team-fixture';
import { FIREFOX_E2E_EXTENSION_DIR } from './fixtures';

/**
 * Settings an admin deploys, in Firefox: policies.json's
 * `3rdparty.Extensions.<gecko id>` for a copy of the e2e build with an id of
 * its own. Firefox validates nothing against a schema (probed: a number in a
 * list of selectors arrives as is), so the extension's own judging shows here.
 */
describe('settings an admin deploys (Firefox policies.json)', () => {
  let backend: TeamBackend;
  let copy: ReturnType<typeof copyWithAddonId>;
  let session: FirefoxSession | undefined;

  beforeAll(async () => {
    removeFirefoxPolicy();
    copy = copyWithAddonId(FIREFOX_E2E_EXTENSION_DIR);
    backend = await startTeamBackend();
  });

  afterAll(async () => {
    removeFirefoxPolicy();
    await session?.close();
    copy?.remove();
    await backend?.stop();
  });

  it('locked settings, a bad entry reported, one sign-in joins the team, the first incident reaches the server', async () => {
    const inviteCode = await teamWithInvite(backend.standin, 'olivia@example.test', PASSWORD, 'Acme');
    writeFirefoxPolicy({
      supabaseUrl: backend.standin.url,
      supabaseKey: backend.standin.anonKey,
      inviteCode,
      maskSelectors: ['.org-secret', 5],
    });
    const launchedAt = Date.now();
    try {
      session = await launchFirefoxWithExtension(copy.dir, { addonId: MANAGED_ADDON_ID });
    } finally {
      removeFirefoxPolicy(); // read at startup: no other Firefox on this machine should see it
    }
    const options = new FirefoxOptionsPage(await session.openExtensionPage('options.html'));
    const page = options.page;
    const marks: string[] = [];
    const mark = (what: string) => marks.push(`${what} +${Date.now() - launchedAt} ms`);
    mark('options open');

    // Connected to the organisation's project, locked; the good selector applies, the bad entry is reported.
    await waitForText(page, `Connected to ${backend.standin.url}`);
    // textContent, not innerText: the label is styled in capitals.
    const team = await page.waitForSelector(byRole('region', 'Team'));
    expect(await team!.evaluate((el) => el.textContent)).toContain(`Connected to ${backend.standin.url}Set by your organisation`);
    expect(await page.$(byRole('button', 'Disconnect'))).toBeNull();
    expect(await page.$(byRole('textbox', 'Project URL'))).toBeNull();
    const problems = await page.waitForSelector(byRole('list', 'Settings from your organisation that were ignored'));
    expect(await problems!.evaluate((ul) => [...ul.children].map((li) => li.textContent))).toEqual([
      "Your organisation's policy has a setting this version can't read: maskSelectors[2] (a selector is text of 1 to 500 characters). It is ignored; ask your admin to correct it.",
    ]);
    const list = await page.waitForSelector(byRole('list', 'Selectors your organisation masks'));
    const masked = await list!.evaluate((ul) => [...ul.children].map((li) => li.textContent));
    expect(masked).toEqual(['.org-secret']);

    // One sign-in: the team is joined by the organisation's code.
    await options.saveName('Tom');
    mark('name saved');
    // Tom signs in with GitHub: the project allows this add-on's redirect URL (identity.getRedirectURL(), shown on the page).
    const redirect = await page.waitForFunction(() => document.querySelector('[aria-label="This browser’s redirect URL"]')?.textContent?.trim() || false, {
      polling: 100,
    });
    Object.assign(backend.standin.oauth, defaultOAuthConfig(), { siteUrl: `${backend.site.origin}/`, redirectAllowList: [await redirect.jsonValue()] });
    backend.standin.oauth.accounts.github = { id: '4242', email: 'tom@example.test', name: 'Tom Price', userName: 'tomp' };
    await page.locator(byRole('button', 'Continue with GitHub')).click();
    await waitForText(page, 'Signed in as tom@example.test');
    mark('signed in');
    await waitForText(page, 'Olivia (owner)', { within: 'Team members', timeout: 20_000 });
    mark('team joined');

    // The first incident reaches the server.
    const title = 'Checkout 502s after deploy (Firefox)';
    await openTab(session, `${backend.site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(session));
    mark('popup open');
    await popup.declare({ title });
    mark('declared');
    const onServer = async () =>
      Number(
        (await backend.database.query(`select count(*) from public.incident_events where kind = 'declared' and body->>'title' = $1`, [title])).rows[0]!
          .count,
      );
    await expect.poll(onServer, { timeout: 40_000, interval: 100 }).toBe(1);
    console.log(`[managed] Firefox: browser launch with policy → first incident synced (on the server): ${Date.now() - launchedAt} ms (GitHub sign-in through the stand-in's OAuth; ${marks.join(', ')})`);
  });
});
