import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultOAuthConfig } from '../support/standin';
import { launchExtension, type ExtensionSession } from './fixtures';
import { OptionsPage } from './pages/options.page';
import { startTeamBackend, type TeamBackend } from './team-backend';

// Issue 12, part 1: "Continue with GitHub / Google" from the options page,
// through the real identity.launchWebAuthFlow window of headless Chromium 156
// (it opens a window and intercepts the https://<id>.chromiumapp.org/
// redirect; probed) and the stand-in's GoTrue PKCE flow
// (test/support/standin/oauth.ts). Bad input: denied consent, a redirect URL
// Supabase does not allow, a provider that is off.

const DENIED = { error: 'access_denied', description: 'The user has denied your application access.' };

describe('sign in with GitHub or Google (Chromium)', () => {
  let backend: TeamBackend;
  let sophie: ExtensionSession;
  let lawrence: ExtensionSession | undefined;
  let options: OptionsPage;
  let redirectUrl: string;
  let inviteCode: string;

  beforeAll(async () => {
    [backend, sophie] = await Promise.all([startTeamBackend(), launchExtension()]);
  });
  afterAll(async () => {
    await Promise.all([sophie?.close(), lawrence?.close()]);
    await backend?.stop();
  });
  beforeEach(() => {
    // What the dashboard holds, as the project owner set it up; each test breaks one thing.
    Object.assign(backend.standin.oauth, defaultOAuthConfig(), {
      siteUrl: `${backend.site.origin}/`,
      redirectAllowList: [`https://${sophie.extensionId}.chromiumapp.org/`, ...(lawrence ? [`https://${lawrence.extensionId}.chromiumapp.org/`] : [])],
    });
    backend.standin.oauth.accounts.github = { id: '9001', email: 'sophie@example.test', name: 'Sophie Martin', userName: 'sophiem' };
  });

  const oauthGroup = (page: Page) => page.getByRole('group', { name: 'Sign in with an account you already have' });
  const alertOf = (page: Page) => oauthGroup(page).getByRole('alert');

  async function connectedOptions(session: ExtensionSession, name: string): Promise<OptionsPage> {
    const page = new OptionsPage(await session.context.newPage());
    await page.page.goto(session.url('options.html'));
    await page.saveName(name);
    await page.connect(backend.standin.url, backend.standin.anonKey);
    return page;
  }

  it("shows this browser's redirect URL, signs in with GitHub from the keyboard, and the account creates a team", async () => {
    options = await connectedOptions(sophie, 'Sophie');
    const shown = options.page.getByLabel('This browser’s redirect URL');
    redirectUrl = (await shown.textContent())!.trim();
    expect(redirectUrl).toBe(`https://${sophie.extensionId}.chromiumapp.org/`);

    await options.page.getByRole('button', { name: 'Continue with GitHub' }).focus();
    await options.page.keyboard.press('Enter');
    await options.page.getByText('Signed in as sophie@example.test').waitFor();

    inviteCode = await options.createTeam('Acme');
    expect(inviteCode).toMatch(/^[A-Z2-9]{10}$/);
    const { rows } = await backend.database.query(
      `select u.raw_app_meta_data->>'provider' as provider, m.role from auth.users u join public.team_members m on m.user_id = u.id where u.email = $1`,
      ['sophie@example.test'],
    );
    expect(rows).toEqual([{ provider: 'github', role: 'owner' }]);
    const auth = backend.standin.requests.filter((r) => r.path.startsWith('/auth/v1/authorize') || r.path.startsWith('/auth/v1/token?grant_type=pkce'));
    expect(auth.map((r) => [r.method, r.path.split('?')[0], r.status])).toEqual([
      ['GET', '/auth/v1/authorize', 302],
      ['POST', '/auth/v1/token', 200],
    ]);
    expect(auth[0]!.path).toMatch(/provider=github&redirect_to=https%3A%2F%2F[a-p]{32}\.chromiumapp\.org%2F&code_challenge=[\w-]{43}&code_challenge_method=s256/);
  });

  it('a teammate signs in with Google in another browser and joins the team', async () => {
    lawrence = await launchExtension();
    backend.standin.oauth.redirectAllowList.push(`https://${lawrence.extensionId}.chromiumapp.org/`);
    backend.standin.oauth.accounts.google = { id: '1170', email: 'lawrence@example.test', name: 'Lawrence Diaz' };
    const his = await connectedOptions(lawrence, 'Lawrence');
    await his.page.getByRole('button', { name: 'Continue with Google' }).click();
    await his.page.getByText('Signed in as lawrence@example.test').waitFor();
    await his.joinTeam(inviteCode);
    await his.members().getByText('Sophie (owner)').waitFor();
    await his.page.close();
  });

  it('a denied consent says so, and signs nobody in', async () => {
    await options.page.getByRole('button', { name: 'Sign out' }).click();
    backend.standin.oauth.consent = DENIED;
    await options.page.getByRole('button', { name: 'Continue with GitHub' }).click();
    await expect
      .poll(() => alertOf(options.page).textContent(), { timeout: 10_000 })
      .toBe(
        'GitHub did not allow the sign-in (GitHub said: “The user has denied your application access.”). Try again and choose to authorise the app when GitHub asks.',
      );
    expect(await options.page.getByText('Signed in as').count()).toBe(0);
    expect(await options.page.getByRole('button', { name: 'Continue with GitHub' }).isEnabled()).toBe(true);
  });

  it('a redirect URL Supabase does not allow: the window ends on the Site URL, and closing it says which URL to allow', async () => {
    backend.standin.oauth.redirectAllowList = [];
    const fix = `add ${redirectUrl} under Authentication → URL Configuration → Redirect URLs in the Supabase dashboard`;
    await options.page.getByRole('button', { name: 'Continue with GitHub' }).click();
    // Busy while the window is open.
    await options.page.getByRole('status').getByText('Finish signing in in the GitHub window…').waitFor();
    expect(await options.page.getByRole('button', { name: 'Continue with GitHub' }).isDisabled()).toBe(true);
    // GoTrue sent the window to the Site URL, code and all; the extension never sees it.
    const stuck = await waitForPage(sophie, (url) => url.startsWith(`${backend.site.origin}/?code=`));
    await stuck.close();
    await expect.poll(() => alertOf(options.page).textContent(), { timeout: 10_000 }).toContain(fix);
    expect(await alertOf(options.page).textContent()).toMatch(/^The GitHub sign-in window was closed before it came back to the extension\./);

    // A fresh project's Site URL is http://127.0.0.1:3000, usually not served: Chromium gives up at once.
    backend.standin.oauth.siteUrl = `http://127.0.0.1:${await closedPort()}/`;
    await options.page.getByRole('button', { name: 'Continue with GitHub' }).click();
    await expect.poll(() => alertOf(options.page).textContent(), { timeout: 10_000 }).toMatch(/^The GitHub sign-in window could not load a page\./);
    expect(await alertOf(options.page).textContent()).toContain(fix);
    expect(await options.page.getByText('Signed in as').count()).toBe(0);
  });

  it('a provider that is off says where to turn it on, and opens no window', async () => {
    backend.standin.oauth.enabled.delete('google');
    const authorizeBefore = backend.standin.requests.filter((r) => r.path.startsWith('/auth/v1/authorize')).length;
    const pagesBefore = sophie.context.pages().length;
    await options.page.getByRole('button', { name: 'Continue with Google' }).click();
    await expect
      .poll(() => alertOf(options.page).textContent(), { timeout: 10_000 })
      .toBe(
        'Google sign-in is not enabled on this Supabase project. In the Supabase dashboard, open Authentication → Sign In / Providers → Google, ' +
          `turn it on and enter the client ID and secret of your Google OAuth app, whose callback URL must be ${backend.standin.url}/auth/v1/callback.`,
      );
    expect(sophie.context.pages().length).toBe(pagesBefore);
    expect(backend.standin.requests.filter((r) => r.path.startsWith('/auth/v1/authorize')).length).toBe(authorizeBefore);
  });

  it('after all that, signing in with GitHub still works and finds the team', async () => {
    await options.page.getByRole('button', { name: 'Continue with GitHub' }).click();
    await options.page.getByText('Signed in as sophie@example.test').waitFor();
    expect(await options.inviteCode()).toBe(inviteCode);
  });
});

async function waitForPage(session: ExtensionSession, match: (url: string) => boolean, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = session.context.pages().find((p) => match(p.url()));
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`No window matched; open: ${session.context.pages().map((p) => p.url()).join(', ')}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** A port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
