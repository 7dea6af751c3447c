import { describe, expect, it, vi } from 'vitest';
import type { WebAuthPort } from '../browser/web-auth';
import { signInWithProvider, type OAuthDeps } from './oauth';

const REDIRECT = 'https://abc.chromiumapp.org/';
const AUTHORIZE = 'https://ref.supabase.co/auth/v1/authorize?provider=github';
const user = { id: '7d1c1b1e-0000-4000-8000-000000000001', email: 'octo@example.com' };

function deps(launch: WebAuthPort['launch'], overrides: { timeoutMs?: number } = {}) {
  const auth = {
    signInWithOAuth: vi.fn(async () => ({ data: { provider: 'github' as const, url: AUTHORIZE, flowId: 'flow-1' }, error: null })),
    exchangeCodeForSession: vi.fn(async () => ({ data: { user, session: {} }, error: null })),
  };
  const d = {
    auth,
    webAuth: { redirectUrl: () => REDIRECT, launch: vi.fn(launch) },
    projectUrl: 'https://ref.supabase.co',
    settings: async () => ({ external: { github: true, google: false } }),
    ...overrides,
  };
  return d;
}
const run = (d: ReturnType<typeof deps>, provider: 'github' | 'google') => signInWithProvider(d as unknown as OAuthDeps, provider);

describe('signInWithProvider', () => {
  it('starts PKCE with this browser’s redirect URL, opens the window, and exchanges the code of this flow', async () => {
    const d = deps(async () => `${REDIRECT}?code=auth-code-1`);
    await expect(run(d, 'github')).resolves.toEqual(user);
    expect(d.auth.signInWithOAuth).toHaveBeenCalledWith({ provider: 'github', options: { redirectTo: REDIRECT, skipBrowserRedirect: true } });
    expect(d.webAuth.launch).toHaveBeenCalledWith(AUTHORIZE);
    expect(d.auth.exchangeCodeForSession).toHaveBeenCalledWith('auth-code-1', { flowId: 'flow-1' });
  });

  it('a provider that is off never opens a window', async () => {
    const d = deps(async () => `${REDIRECT}?code=x`);
    await expect(run(d, 'google')).rejects.toThrow('Google sign-in is not enabled on this Supabase project');
    expect(d.auth.signInWithOAuth).not.toHaveBeenCalled();
    expect(d.webAuth.launch).not.toHaveBeenCalled();
  });

  it('a denied consent is a sentence, and nothing is exchanged', async () => {
    const d = deps(async () => `${REDIRECT}?error=access_denied&error_description=The+user+has+denied+your+application+access.`);
    await expect(run(d, 'github')).rejects.toThrow('GitHub did not allow the sign-in');
    expect(d.auth.exchangeCodeForSession).not.toHaveBeenCalled();
  });

  it('a closed window names the redirect URL to allow', async () => {
    const d = deps(async () => Promise.reject(new Error('User cancelled or denied access.')));
    await expect(run(d, 'github')).rejects.toThrow(`add ${REDIRECT} under Authentication → URL Configuration → Redirect URLs`);
  });

  it("Chromium's unloadable page (an unserved Site URL) names the redirect URL to allow", async () => {
    const d = deps(async () => Promise.reject(new Error('Authorization page could not be loaded.')));
    await expect(run(d, 'github')).rejects.toThrow(/could not load a page.*add https:\/\/abc\.chromiumapp\.org\//);
  });

  it('a window that never comes back stops waiting when the flow state expires', async () => {
    const d = deps(() => new Promise<string>(() => undefined), { timeoutMs: 20 });
    await expect(run(d, 'github')).rejects.toThrow(/did not come back within 0 minutes.*add https:\/\/abc\.chromiumapp\.org\//);
  });

  it("a refused exchange says why, and another browser error passes unchanged", async () => {
    const d = deps(async () => `${REDIRECT}?code=used`);
    d.auth.exchangeCodeForSession.mockResolvedValueOnce({
      data: { user: null, session: null },
      error: { code: 'flow_state_not_found', message: 'invalid flow state, no valid flow state found', name: 'AuthApiError' },
    } as never);
    await expect(run(d, 'github')).rejects.toThrow('already used');
    const e = deps(async () => Promise.reject(new Error('Requests to the server have been blocked by an extension.')));
    await expect(run(e, 'github')).rejects.toThrow('Requests to the server have been blocked by an extension.');
  });

  it('refuses to start when supabase-js cannot build the address', async () => {
    const d = deps(async () => `${REDIRECT}?code=x`);
    d.auth.signInWithOAuth.mockResolvedValueOnce({ data: { provider: 'github', url: null }, error: { message: 'boom' } } as never);
    await expect(run(d, 'github')).rejects.toThrow('Could not start the sign-in: boom');
    expect(d.webAuth.launch).not.toHaveBeenCalled();
  });
});
