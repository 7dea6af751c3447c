import { describe, expect, it, vi } from 'vitest';
import { fetchAuthSettings } from './auth-settings';

const connection = { url: 'https://ref.supabase.co', anonKey: 'anon' };

describe('fetchAuthSettings', () => {
  it("reads GoTrue's provider switches with the project's key", async () => {
    const fetcher = vi.fn(async () => Response.json({ external: { github: true, google: false }, disable_signup: false }));
    await expect(fetchAuthSettings(connection, fetcher)).resolves.toEqual({ external: { github: true, google: false } });
    expect(fetcher).toHaveBeenCalledWith('https://ref.supabase.co/auth/v1/settings', expect.objectContaining({ headers: { apikey: 'anon' } }));
  });

  it('says what to check when the project is unreachable or answers something else', async () => {
    await expect(fetchAuthSettings(connection, async () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(
      'Could not reach https://ref.supabase.co',
    );
    await expect(fetchAuthSettings(connection, async () => Response.json({ message: 'Invalid API key' }, { status: 401 }))).rejects.toThrow(
      'did not answer its sign-in settings (HTTP 401)',
    );
  });
});
