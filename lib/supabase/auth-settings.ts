import { z } from 'zod';
import type { Connection } from './connection';

/**
 * GoTrue's public settings, `GET /auth/v1/settings` (internal/api/settings.go in
 * https://github.com/supabase/auth): `external` says which sign-in providers are
 * on. Asked before opening a sign-in window, because a provider that is off
 * makes `/authorize` answer a bare 400 JSON page inside that window.
 */
const settingsSchema = z.object({ external: z.record(z.string(), z.boolean()) });
export type AuthSettings = z.infer<typeof settingsSchema>;

export async function fetchAuthSettings(connection: Connection, fetcher: typeof fetch = fetch): Promise<AuthSettings> {
  let response: Response;
  try {
    response = await fetcher(`${connection.url}/auth/v1/settings`, {
      headers: { apikey: connection.anonKey },
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new Error(`Could not reach ${connection.url}. Check your connection.`);
  }
  const parsed = settingsSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) {
    throw new Error(`${connection.url} did not answer its sign-in settings (HTTP ${response.status}). Check the project URL and key.`);
  }
  return parsed.data;
}
