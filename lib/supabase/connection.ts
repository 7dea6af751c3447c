import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * The team's Supabase project. Only a public key is ever stored: the legacy
 * anon JWT or a publishable key (`sb_publishable_…`). A service-role key or a
 * secret key (`sb_secret_…`) would let anyone holding this browser profile
 * bypass every row-level security policy, so both are refused outright
 * (https://supabase.com/docs/guides/getting-started/api-keys: secret keys
 * "provide full access to your project's data, bypassing Row Level Security").
 * `anonKey` keeps its name for stored settings; it holds whichever public key.
 */
export const connectionSchema = z.object({
  url: z.string(),
  anonKey: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionItem = storage.defineItem<Connection | null>('local:supabaseConnection', { fallback: null });

function jwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const payload = JSON.parse(json) as unknown;
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The new keys are opaque, not JWTs: `sb_publishable_` or `sb_secret_`, 22 base64url
 * characters (16 random bytes), `_`, and an 8-character checksum, the first 8 base64url
 * characters of SHA-256(`<project ref>|<prefix + random>`). Sources: supabase/supabase
 * docker/utils/rotate-new-api-keys.sh (`generateOpaqueKey`), the CLI's fixed local keys
 * (supabase/cli pkg/config/apikeys.go: sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH), and
 * hosted keys checked against that checksum with their project ref. The checksum is not
 * checked here: self-hosted and CLI projects compute it with a ref the URL does not carry.
 */
const PUBLISHABLE_KEY = /^sb_publishable_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/;
const SECRET_KEY_PREFIX = 'sb_secret_';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks what the person pasted; the error names the field and what to do. */
export function parseConnection(url: string, anonKey: string): { ok: true; connection: Connection } | { ok: false; field: 'url' | 'anonKey'; error: string } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, field: 'url', error: 'Enter the project URL, like https://abcdefgh.supabase.co.' };
  }
  const local = LOCAL_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:')) {
    return { ok: false, field: 'url', error: 'The project URL must start with https:// (http:// only for a local Supabase).' };
  }
  if (parsed.pathname !== '/' && parsed.pathname !== '') {
    return { ok: false, field: 'url', error: 'Use the project URL itself, without a path (no /rest/v1).' };
  }
  const key = anonKey.trim();
  if (key.startsWith(SECRET_KEY_PREFIX)) {
    return { ok: false, field: 'anonKey', error: 'That is a secret key, which bypasses all security. Use the publishable key (sb_publishable_…) instead.' };
  }
  if (key.startsWith('sb_publishable_')) {
    if (!PUBLISHABLE_KEY.test(key)) {
      return { ok: false, field: 'anonKey', error: 'That publishable key looks cut short or altered. Copy it again from Project Settings → API Keys.' };
    }
    return { ok: true, connection: { url: parsed.origin, anonKey: key } };
  }
  const payload = jwtPayload(key);
  if (!payload) return { ok: false, field: 'anonKey', error: 'That is not an API key. Copy the publishable key (or the legacy anon key) from Project Settings → API Keys.' };
  if (payload.role === 'service_role') {
    return { ok: false, field: 'anonKey', error: 'That is the service-role key, which bypasses all security. Use the publishable key or the anon public key instead.' };
  }
  if (payload.role !== 'anon') return { ok: false, field: 'anonKey', error: 'That key is not the anon public key or a publishable key.' };
  return { ok: true, connection: { url: parsed.origin, anonKey: key } };
}
