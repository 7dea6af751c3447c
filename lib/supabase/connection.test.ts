import { describe, expect, it } from 'vitest';
import { parseConnection } from './connection';

const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;
const anon = jwt({ role: 'anon', iss: 'supabase' });

describe('parseConnection', () => {
  it('accepts a project URL and its anon key, normalising the URL', () => {
    expect(parseConnection(' https://abcd.supabase.co/ ', anon)).toEqual({
      ok: true,
      connection: { url: 'https://abcd.supabase.co', anonKey: anon },
    });
  });

  it('allows http only for a local Supabase', () => {
    expect(parseConnection('http://127.0.0.1:54321', anon).ok).toBe(true);
    expect(parseConnection('http://abcd.supabase.co', anon)).toMatchObject({ ok: false, field: 'url' });
  });

  it.each([
    ['not a url', anon, 'url', /project URL/],
    ['https://abcd.supabase.co/rest/v1', anon, 'url', /without a path/],
    ['https://abcd.supabase.co', 'hello', 'anonKey', /not an API key/],
    ['https://abcd.supabase.co', jwt({ role: 'service_role' }), 'anonKey', /service-role key/],
    ['https://abcd.supabase.co', jwt({ role: 'authenticated' }), 'anonKey', /not the anon/],
  ])('refuses %s with a clear message', (url, key, field, message) => {
    const result = parseConnection(url, key);
    expect(result).toMatchObject({ ok: false, field });
    expect(!result.ok && result.error).toMatch(message);
  });
});
