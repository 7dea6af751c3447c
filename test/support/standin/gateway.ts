import type { IncomingMessage } from 'node:http';
import { gatewayErrors } from './errors.ts';
import { header, type Reply, type StandinRequest } from './reply.ts';

/**
 * What the API gateway in front of a Supabase project adds: CORS for any origin
 * (the extension calls from a chrome-extension:// service worker) and the
 * apikey check (Kong's key-auth: the `apikey` header or query parameter must be
 * the anon or the service_role key).
 */

/** On every answer. Exposed headers are the ones the clients read cross-origin. */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'content-range, content-type, content-length, etag, last-modified, www-authenticate, proxy-status, x-supabase-api-version',
};

/** The answer to a CORS preflight: any method, the headers the browser asked for. */
export function preflightHeaders(request: IncomingMessage): Record<string, string> {
  return {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '3600',
  };
}

/** The project's four keys: legacy JWTs and the opaque keys that replace them. */
export interface ProjectKeys {
  anonKey: string;
  serviceRoleKey: string;
  publishableKey: string;
  secretKey: string;
}

export function checkApiKey(request: StandinRequest, keys: ProjectKeys): Reply | undefined {
  const apiKey = header(request, 'apikey') ?? request.url.searchParams.get('apikey');
  if (!apiKey) return gatewayErrors.noApiKey();
  if (!Object.values(keys).includes(apiKey)) return gatewayErrors.invalidApiKey();
  return undefined;
}

/**
 * The Authorization header the gateway forwards. Opaque keys are not JWTs, so the
 * services never see one: a request whose Authorization is missing or carries an
 * `sb_` key gets `Bearer <anon JWT>` for the publishable key and `Bearer <service_role
 * JWT>` for the secret key; any other Authorization (a session JWT) passes through;
 * without one, a legacy JWT apikey is forwarded as the token. This is the gateway's
 * rule in supabase/supabase docker/volumes/api/kong-entrypoint.sh (`LUA_AUTH_EXPR`)
 * and supabase/cli internal/start/start.go (`BearerToken`). supabase-js 2.119 sends
 * `Authorization: Bearer <publishable key>` when signed out (its fetchWithAuth only
 * omits the key as a bearer for Edge Functions), so PostgREST and Storage then run as anon.
 */
export function forwardedAuthorization(request: StandinRequest, keys: ProjectKeys): string | undefined {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined && !authorization.startsWith('Bearer sb_')) return authorization;
  const apiKey = header(request, 'apikey') ?? request.url.searchParams.get('apikey') ?? undefined;
  if (apiKey === keys.secretKey) return `Bearer ${keys.serviceRoleKey}`;
  if (apiKey === keys.publishableKey) return `Bearer ${keys.anonKey}`;
  return apiKey ? `Bearer ${apiKey}` : undefined;
}

/** `query_params.apikey` for the Realtime websocket, translated the same way (`LUA_RT_WS_EXPR`). */
export function forwardedRealtimeKey(apiKey: string | null, keys: ProjectKeys): string | null {
  if (apiKey === keys.secretKey) return keys.serviceRoleKey;
  if (apiKey === keys.publishableKey) return keys.anonKey;
  return apiKey;
}
