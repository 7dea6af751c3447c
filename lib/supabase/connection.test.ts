import { describe, expect, it } from 'vitest';
import { parseConnection } from './connection';

const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;
const anon = jwt({ role: 'anon', iss: 'supabase' });
// The CLI's fixed local keys (supabase/cli pkg/config/apikeys.go).
const publishable = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
const secret = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

describe('parseConnection', () => {
  it('accepts a project URL and its anon key, normalising the URL', () => {
    expect(parseConnection(' https://abcd.supabase.co/ ', anon)).toEqual({
      ok: true,
      connection: { url: 'https://abcd.supabase.co', anonKey: anon },
    });
  });

  it('accepts a publishable key wherever the anon key is accepted', () => {
    expect(parseConnection('https://abcd.supabase.co', ` ${publishable} `)).toEqual({
      ok: true,
      connection: { url: 'https://abcd.supabase.co', anonKey: publishable },
    });
    expect(parseConnection('http://127.0.0.1:54321', publishable).ok).toBe(true);
    // base64url may put '-' and '_' inside the random part and the checksum.
    expect(parseConnection('https://abcd.supabase.co', 'sb_publishable_8sWmy_vOCTdplogyWYhxbg_ACf1Uxrz').ok).toBe(true);
  });

  it('allows http only for a local Supabase', () => {
    expect(parseConnection('http://127.0.0.1:54321', anon).ok).toBe(true);
    expect(parseConnection('http://abcd.supabase.co', anon)).toMatchObject({ ok: false, field: 'url' });
  });

  it.each([
    ['not a url', anon, 'url', /project URL/],
    ['https://abcd.supabase.co/rest/v1', anon, 'url', /without a path/],
    ['https://abcd.supabase.co', 'hello', 'anonKey', /not an API key/],
    ['https://abcd.supabase.co', jwt({ role: 'service_role' }), 'anonKey', /service-role key, which bypasses all security/],
    ['https://abcd.supabase.co', secret, 'anonKey', /secret key, which bypasses all security/],
    ['https://abcd.supabase.co', 'sb_secret_anything', 'anonKey', /secret key/],
    ['https://abcd.supabase.co', publishable.slice(0, -3), 'anonKey', /cut short/],
    ['https://abcd.supabase.co', `${publishable}x`, 'anonKey', /cut short/],
    ['https://abcd.supabase.co', 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg 3BJgxAaH', 'anonKey', /cut short/],
    ['https://abcd.supabase.co', jwt({ role: 'authenticated' }), 'anonKey', /not the anon/],
  ])('refuses %s with a clear message', (url, key, field, message) => {
    const result = parseConnection(url, key);
    expect(result).toMatchObject({ ok: false, field });
    expect(!result.ok && result.error).toMatch(message);
  });
});
