import { describe, expect, it, vi } from 'vitest';
import { webAuth, type IdentityApi } from './web-auth';

function api(launch: IdentityApi['identity']['launchWebAuthFlow']): IdentityApi {
  return { identity: { getRedirectURL: () => 'https://abc.chromiumapp.org/', launchWebAuthFlow: launch } };
}

describe('webAuth', () => {
  it('answers the redirect URL and opens an interactive window', async () => {
    const launch = vi.fn(async () => 'https://abc.chromiumapp.org/?code=1');
    const port = webAuth(api(launch));
    expect(port.redirectUrl()).toBe('https://abc.chromiumapp.org/');
    await expect(port.launch('https://x.supabase.co/auth/v1/authorize')).resolves.toBe('https://abc.chromiumapp.org/?code=1');
    expect(launch).toHaveBeenCalledWith({ url: 'https://x.supabase.co/auth/v1/authorize', interactive: true });
  });

  it("passes the browser's refusal on unchanged, and refuses an empty answer", async () => {
    await expect(webAuth(api(async () => Promise.reject(new Error('The user did not approve access.')))).launch('u')).rejects.toThrow(
      'The user did not approve access.',
    );
    await expect(webAuth(api(async () => undefined)).launch('u')).rejects.toThrow('closed without an answer');
  });
});
