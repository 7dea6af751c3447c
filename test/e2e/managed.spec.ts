import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, launchExtension, openPopupWindow, type ExtensionSession } from './fixtures';
import { defaultOAuthConfig } from '../support/standin';
import { copyExtension, removeChromiumPolicy, teamWithInvite, writeChromiumPolicy } from './managed-policy';
import { OptionsPage } from './pages/options.page';
import { PopupPage } from './pages/popup.page';
import { PASSWORD, startTeamBackend, type TeamBackend } from './team-backend';

/**
 * Settings an admin deploys, in Chromium: a real policy file in Chromium's
 * managed policy folder (tests run as root), for a copy of the e2e build in
 * a folder of its own (another id, so no other spec sees the policy).
 */
describe('settings an admin deploys (Chromium policy)', () => {
  let backend: TeamBackend;
  let copy: ReturnType<typeof copyExtension>;
  let inviteCode: string;
  let session: ExtensionSession | undefined;

  const SECRET_SELECTOR = '.org-secret';

  async function launchWithPolicy(values: Record<string, unknown>): Promise<number> {
    writeChromiumPolicy(copy.id, values);
    const launchedAt = Date.now();
    session = await launchExtension(copy.dir);
    expect(session.extensionId).toBe(copy.id);
    return launchedAt;
  }

  async function openOptions(): Promise<OptionsPage> {
    const options = new OptionsPage(await session!.context.newPage());
    await options.page.goto(session!.url('options.html'));
    return options;
  }

  beforeAll(async () => {
    // A file a killed run left names a copy that no longer exists, so no browser ever applies it.
    copy = copyExtension(E2E_EXTENSION_DIR);
    backend = await startTeamBackend();
    inviteCode = await teamWithInvite(backend.standin, 'olivia@example.test', PASSWORD, 'Acme');
  });

  afterEach(async () => {
    removeChromiumPolicy();
    await session?.close();
    session = undefined;
  });

  afterAll(async () => {
    removeChromiumPolicy();
    await session?.close();
    copy?.remove();
    await backend?.stop();
  });

  it('a fresh browser with the policy: locked settings, one sign-in joins the team, the first incident reaches the server', async () => {
    // Tom signs in with GitHub (the stand-in's /auth/v1/authorize answers at once), as the project allows this extension's redirect.
    Object.assign(backend.standin.oauth, defaultOAuthConfig(), {
      siteUrl: `${backend.site.origin}/`,
      redirectAllowList: [`https://${copy.id}.chromiumapp.org/`],
    });
    backend.standin.oauth.accounts.github = { id: '4242', email: 'tom@example.test', name: 'Tom Price', userName: 'tomp' };
    const launchedAt = await launchWithPolicy({
      supabaseUrl: backend.standin.url,
      supabaseKey: backend.standin.publishableKey,
      inviteCode,
      maskSelectors: [SECRET_SELECTOR],
      webhooks: [{ kind: 'json', url: 'https://hooks.example.test/incidents', topics: ['major'] }],
    });
    const options = await openOptions();
    const page = options.page;
    const marks: string[] = [];
    const mark = (what: string) => marks.push(`${what} +${Date.now() - launchedAt} ms`);
    mark('options open');

    // Connected to the organisation's project, locked: no Disconnect, no connect form.
    await page.getByText(`Connected to ${backend.standin.url}`).waitFor();
    const team = page.getByRole('region', { name: 'Team' });
    await team.getByText('Set by your organisation').waitFor();
    expect(await page.getByRole('button', { name: 'Disconnect' }).count()).toBe(0);
    expect(await page.getByLabel('Project URL').count()).toBe(0);
    // The organisation's mask selectors, locked beside the person's own.
    const masked = page.getByRole('list', { name: 'Selectors your organisation masks' });
    expect(await masked.getByRole('listitem').allTextContents()).toEqual([SECRET_SELECTOR]);
    expect(await page.getByRole('heading', { name: 'Your organisation’s policy' }).count()).toBe(0); // nothing in the policy was refused

    // One sign-in: the team is joined by the organisation's code.
    await options.saveName('Tom');
    mark('name saved');
    await page.getByRole('button', { name: 'Continue with GitHub' }).click();
    await page.getByText('Signed in as tom@example.test').waitFor();
    mark('signed in');
    await options.members().getByText('Olivia (owner)').waitFor({ timeout: 20_000 });
    await options.members().getByText('Tom').waitFor();
    mark('team joined');

    // The first incident reaches the server.
    const title = 'Checkout 502s after deploy';
    const tab = await session!.context.newPage();
    await tab.goto(`${backend.site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(session!));
    mark('popup open');
    await popup.declare({ title });
    mark('declared');
    const onServer = async () =>
      Number(
        (await backend.database.query(`select count(*) from public.incident_events where kind = 'declared' and body->>'title' = $1`, [title])).rows[0]!
          .count,
      );
    await expect.poll(onServer, { timeout: 30_000, interval: 100 }).toBe(1);
    const ms = Date.now() - launchedAt;
    console.log(`[managed] Chromium: browser launch with policy → first incident synced (on the server): ${ms} ms (GitHub sign-in through the stand-in's OAuth; ${marks.join(', ')})`);

    // Its masking applies in capture too: the background's effective settings carry the organisation's selector.
    const worker = session!.context.serviceWorkers().find((w) => w.url().includes(copy.id))!;
    expect(await worker.evaluate(async () => (await chrome.storage.managed.get('maskSelectors')).maskSelectors)).toEqual([SECRET_SELECTOR]);

    // And the background refuses to disconnect what the organisation set.
    const refused = await page.evaluate(async () => {
      const answer = (await chrome.runtime.sendMessage({ type: 'disconnectProject' })) as unknown;
      return JSON.stringify(answer);
    });
    expect(refused).toMatch(/Your organisation set this project/);
  });

  it('a malformed policy: each bad setting is reported, the good ones still apply, nothing crashes', async () => {
    await launchWithPolicy({
      supabaseUrl: backend.standin.url,
      // Valid for Chromium's schema (a string), refused by the extension: it bypasses row-level security.
      supabaseKey: backend.standin.secretKey,
      inviteCode: 'not a code',
      maskSelectors: [SECRET_SELECTOR, ''],
      webhooks: [{ kind: 'json', url: 'ftp://hooks.example.test/x', topics: [] }],
    });
    const options = await openOptions();
    const page = options.page;
    const problems = page.getByRole('list', { name: 'Settings from your organisation that were ignored' }).getByRole('listitem');
    await problems.first().waitFor();
    const texts = await problems.allTextContents();
    expect(texts).toEqual([
      expect.stringMatching(/^Your organisation's policy has a setting this version can't read: supabaseKey \(That is a secret key/),
      expect.stringMatching(/: inviteCode \(Invite codes are 10 letters and digits/),
      expect.stringMatching(/: maskSelectors\[2\] \(/),
      expect.stringMatching(/: webhooks\[1\] \(url must be an https:\/\/ address\)/),
    ]);
    // The good selector still applies; the refused connection does not: the person may connect by hand.
    expect(await page.getByRole('list', { name: 'Selectors your organisation masks' }).getByRole('listitem').allTextContents()).toEqual([SECRET_SELECTOR]);
    await page.getByLabel('Project URL').waitFor();
    // The page still works: the person's own settings save.
    await page.getByLabel('Also mask elements matching').fill('.mine');
    await page.getByRole('button', { name: 'Save privacy settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved. 1 selector masked.' }).waitFor();

    // The admin corrects the key while the browser runs: Chromium re-reads the folder, storage.managed
    // changes, and the extension connects and clears the report, with no restart.
    writeChromiumPolicy(copy.id, { supabaseUrl: backend.standin.url, supabaseKey: backend.standin.publishableKey, maskSelectors: [SECRET_SELECTOR] });
    await page.getByText(`Connected to ${backend.standin.url}`).waitFor({ timeout: 45_000 });
    await page.getByRole('region', { name: 'Team' }).getByText('Set by your organisation').waitFor();
    expect(await page.getByRole('list', { name: 'Settings from your organisation that were ignored' }).count()).toBe(0);
    const worker = session!.context.serviceWorkers().find((w) => w.url().includes(copy.id))!;
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('supabaseConnection')).supabaseConnection)).toEqual({
      url: backend.standin.url,
      anonKey: backend.standin.publishableKey,
    });
  }, 120_000);

  it('a wrong invite code and an unreachable project each say what to do in Options', async () => {
    await backend.standin.createUser('ann@example.test', PASSWORD);
    await launchWithPolicy({ supabaseUrl: backend.standin.url, supabaseKey: backend.standin.anonKey, inviteCode: 'WRNGWRNG22' });
    const options = await openOptions();
    await options.saveName('Ann');
    await options.signIn('ann@example.test', PASSWORD);
    const refused = options.page.getByRole('alert').filter({ hasText: "Could not join your organisation's team" });
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.textContent()).toMatch(/not valid or has expired.*Ask your admin to update the policy's inviteCode/);
    await session!.close();
    session = undefined;

    // Port 9 (discard) on this machine: nothing listens there.
    await launchWithPolicy({ supabaseUrl: 'http://127.0.0.1:9', supabaseKey: backend.standin.anonKey });
    const offline = await openOptions();
    const unreachable = offline.page.getByRole('alert').filter({ hasText: 'Could not reach http://127.0.0.1:9' });
    await unreachable.waitFor({ timeout: 20_000 });
    expect(await unreachable.textContent()).toMatch(/ask your admin to check the policy's supabaseUrl/);
  });
});

// Whatever happened above, no policy file is left for the other browsers on this machine.
process.on('exit', () => removeChromiumPolicy());
