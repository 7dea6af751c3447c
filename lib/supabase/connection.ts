import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * The team's Supabase project. Only the public anon key is ever stored: a
 * service-role key would let anyone holding this browser profile bypass every
 * row-level security policy, so it is refused outright.
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
  const payload = jwtPayload(key);
  if (!payload) return { ok: false, field: 'anonKey', error: 'That is not an API key. Copy the anon public key from Project Settings → API.' };
  if (payload.role === 'service_role') {
    return { ok: false, field: 'anonKey', error: 'That is the service-role key, which bypasses all security. Use the anon public key instead.' };
  }
  if (payload.role !== 'anon') return { ok: false, field: 'anonKey', error: 'That key is not the anon public key.' };
  return { ok: true, connection: { url: parsed.origin, anonKey: key } };
}
