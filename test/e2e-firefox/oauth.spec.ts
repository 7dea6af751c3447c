import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTeamBackend, type TeamBackend } from '../e2e/team-backend';
import { defaultOAuthConfig } from '../support/standin';
import { launchFirefox, type FirefoxSession } from './fixtures';
import { byRole } from './pages/queries';
import { FirefoxOptionsPage, waitForText } from './team-fixture';

// Issue 12, part 1, in Firefox ESR 153: "Continue with GitHub / Google"
// through the real identity.launchWebAuthFlow window (headless, it opens a
// window and intercepts https://<hash>.extensions.allizom.org/; probed) and
// the stand-in's GoTrue PKCE flow, as test/e2e/oauth.spec.ts does in
// Chromium. Firefox leaves a page that cannot load open (no rejection), so the
// unserved-Site-URL case is Chromium's alone.

const GROUP = 'Sign in with an account you already have';
const DENIED = { error: 'access_denied', description: 'The user has denied your application access.' };
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('sign in with GitHub or Google (Firefox)', () => {
  let backend: TeamBackend;
  let sophie: FirefoxSession;
  let lawrence: FirefoxSession | undefined;
  let options: FirefoxOptionsPage;
  const redirects: string[] = [];
  let inviteCode: string;

  beforeAll(async () => {
    [backend, sophie] = await Promise.all([startTeamBackend(), launchFirefox()]);
  });
  afterAll(async () => {
    await Promise.all([sophie?.close(), lawrence?.close()]);
    await backend?.stop();
  });
  beforeEach(() => {
    Object.assign(backend.standin.oauth, defaultOAuthConfig(), { siteUrl: `${backend.site.origin}/`, redirectAllowList: [...redirects] });
    backend.standin.oauth.accounts.github = { id: '9001', email: 'sophie@example.test', name: 'Sophie Martin', userName: 'sophiem' };
  });

  /** The redirect URL the options page shows; the project owner adds it to the allow list. */
  async function shownRedirect(page: Page): Promise<string> {
    const found = await page.waitForFunction(() => document.querySelector('[aria-label="This browser’s redirect URL"]')?.textContent?.trim() || false, {
      polling: 100,
      timeout: 15_000,
    });
    return (await found.jsonValue()) as string;
  }

  async function connectedOptions(session: FirefoxSession, name: string): Promise<FirefoxOptionsPage> {
    const page = new FirefoxOptionsPage(await session.openExtensionPage('options.html'));
    await page.saveName(name);
    await page.connect(backend.standin.url, backend.standin.anonKey);
    return page;
  }

  /** The sign-in buttons' alert, once it says `text`; answers all it says. */
  async function alertText(page: Page, text: string): Promise<string> {
    const found = await page
      .waitForFunction(
        (group: string, t: string) => {
          const said = document.querySelector(`[role="group"][aria-label="${group}"] [role="alert"]`)?.textContent ?? '';
          return said.includes(t) ? said : false;
        },
        { polling: 100, timeout: 15_000 },
        GROUP,
        text,
      )
      .catch(async (error: Error) => {
        throw new Error(`No alert saying "${text}" (${error.message}); the page showed: ${await page.evaluate(() => document.body.innerText)}`);
      });
    return (await found.jsonValue()) as string;
  }
  const click = (page: Page, name: string) => page.locator(byRole('button', name)).click();

  it("shows this browser's redirect URL, signs in with GitHub from the keyboard, and the account creates a team", async () => {
    options = await connectedOptions(sophie, 'Sophie');
    const redirect = await shownRedirect(options.page);
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
    expect(await sophie.background((bg: { browser: { identity: { getRedirectURL(): string } } }) => bg.browser.identity.getRedirectURL())).toBe(redirect);
    redirects.push(redirect);
    backend.standin.oauth.redirectAllowList = [...redirects];

    await options.page.focus(byRole('button', 'Continue with GitHub'));
    await options.page.keyboard.press('Enter');
    await waitForText(options.page, 'Signed in as sophie@example.test');
    inviteCode = await options.createTeam('Acme');
    expect(inviteCode).toMatch(/^[A-Z2-9]{10}$/);
    const { rows } = await backend.database.query(
      `select u.raw_app_meta_data->>'provider' as provider, m.role from auth.users u join public.team_members m on m.user_id = u.id where u.email = $1`,
      ['sophie@example.test'],
    );
    expect(rows).toEqual([{ provider: 'github', role: 'owner' }]);
    const pkce = backend.standin.requests.filter((r) => r.path.startsWith('/auth/v1/token?grant_type=pkce'));
    expect(pkce.map((r) => r.status)).toEqual([200]);
  });

  it('a teammate signs in with Google in another Firefox and joins the team', async () => {
    lawrence = await launchFirefox();
    backend.standin.oauth.accounts.google = { id: '1170', email: 'lawrence@example.test', name: 'Lawrence Diaz' };
    const his = await connectedOptions(lawrence, 'Lawrence');
    redirects.push(await shownRedirect(his.page));
    backend.standin.oauth.redirectAllowList = [...redirects];
    await click(his.page, 'Continue with Google');
    await waitForText(his.page, 'Signed in as lawrence@example.test');
    await his.joinTeam(inviteCode);
    await waitForText(his.page, 'Sophie (owner)', { within: 'Team members' });
    await his.page.close();
  });

  it('a denied consent says so, and signs nobody in', async () => {
    await click(options.page, 'Sign out');
    await options.page.waitForSelector(byRole('button', 'Continue with GitHub'));
    backend.standin.oauth.consent = DENIED;
    await click(options.page, 'Continue with GitHub');
    await alertText(
      options.page,
      'GitHub did not allow the sign-in (GitHub said: “The user has denied your application access.”). Try again and choose to authorise the app when GitHub asks.',
    );
    expect(await options.page.evaluate(() => document.body.innerText.includes('Signed in as'))).toBe(false);
  });

  it('a redirect URL Supabase does not allow: the window ends on the Site URL, and closing it says which URL to allow', async () => {
    backend.standin.oauth.redirectAllowList = [];
    await click(options.page, 'Continue with GitHub');
    await waitForText(options.page, 'Finish signing in in the GitHub window…');
    const disabled = await options.page.$eval('::-p-aria([name="Continue with GitHub"][role="button"])', (b) => (b as HTMLButtonElement).disabled);
    expect(disabled).toBe(true);
    const stuck = await waitForPage(sophie, (url) => url.startsWith(`${backend.site.origin}/?code=`));
    await stuck.close();
    const said = await alertText(options.page, `add ${redirects[0]} under Authentication → URL Configuration → Redirect URLs in the Supabase dashboard`);
    expect(said).toMatch(/^The GitHub sign-in window was closed before it came back to the extension\./);
  });

  it('a provider that is off says where to turn it on, and opens no window', async () => {
    backend.standin.oauth.enabled.delete('google');
    const authorizeBefore = backend.standin.requests.filter((r) => r.path.startsWith('/auth/v1/authorize')).length;
    await click(options.page, 'Continue with Google');
    await alertText(
      options.page,
      'Google sign-in is not enabled on this Supabase project. In the Supabase dashboard, open Authentication → Sign In / Providers → Google, ' +
        `turn it on and enter the client ID and secret of your Google OAuth app, whose callback URL must be ${backend.standin.url}/auth/v1/callback.`,
    );
    expect(backend.standin.requests.filter((r) => r.path.startsWith('/auth/v1/authorize')).length).toBe(authorizeBefore);
  });

  it('after all that, signing in with GitHub still works and finds the team', async () => {
    await click(options.page, 'Continue with GitHub');
    await waitForText(options.page, 'Signed in as sophie@example.test');
    expect(await options.inviteCode()).toBe(inviteCode);
  });
});

async function waitForPage(session: FirefoxSession, match: (url: string) => boolean, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await session.browser.pages()) {
      const url = await page.evaluate(() => location.href).catch(() => '');
      if (match(url)) return page;
    }
    if (Date.now() > deadline) throw new Error('No sign-in window reached the Site URL');
    await sleep(100);
  }
}
