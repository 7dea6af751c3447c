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

export function checkApiKey(request: StandinRequest, keys: string[]): Reply | undefined {
  const apiKey = header(request, 'apikey') ?? request.url.searchParams.get('apikey');
  if (!apiKey) return gatewayErrors.noApiKey();
  if (!keys.includes(apiKey)) return gatewayErrors.invalidApiKey();
  return undefined;
}
