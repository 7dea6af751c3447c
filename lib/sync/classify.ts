import { AuthSyncError, FinalSyncError, TransientSyncError } from './transport';

/**
 * How Storage words a token it refuses (HTTP 400, body statusCode '403', AccessDenied):
 * since v1.22.9 jose's messages (supabase/storage src/internal/auth/jwt.ts, `verifyJWT`;
 * the switch from jsonwebtoken is supabase/storage#678), before it jsonwebtoken's. Every
 * one of them is cured by a fresh session, never by retrying the same token, and never
 * means the screenshot itself is bad, so none may dead-letter it.
 */
const STORAGE_TOKEN_REFUSALS = [
  /^"exp" claim timestamp check failed$/, // jose: expired
  /^signature verification failed$/, // jose: signed with another secret (rotated JWT secret)
  /^Invalid Compact JWS$/, // jose: empty or not a JWS
  /^jwt expired$/i, // jsonwebtoken (Storage < v1.22.9)
  /^invalid signature$/,
  /^jwt malformed$/,
  /^jwt must be provided$/,
];

/**
 * Which failures are worth retrying (PowerSync's Supabase connector draws the
 * same line): network errors, timeouts, 5xx and 429 are transient; an expired
 * or missing session waits for sign-in; permission and validation errors are
 * final for the item and go to the dead-letter list.
 */
export function classifyError(error: { status?: number; code?: string; message?: string } | null | undefined, what: string) {
  const status = error?.status ?? 0;
  const text = error?.message ?? '';
  const message = `${what}: ${text || 'no answer'}`;
  if (status === 0 || /fetch failed|Failed to fetch|NetworkError|network|ECONNRE|socket hang up|aborted|timed? ?out|TimeoutError/i.test(text)) {
    return new TransientSyncError(`${what}: the server could not be reached`, true);
  }
  // PostgREST answers an expired token with 401 PGRST303 (PGRST301 before v13);
  // Storage answers any refused token with 400 and the verifier's message.
  if (
    status === 401 ||
    error?.code === 'PGRST301' ||
    error?.code === 'PGRST303' ||
    /invalid jwt/i.test(text) ||
    STORAGE_TOKEN_REFUSALS.some((pattern) => pattern.test(text.trim()))
  ) {
    return new AuthSyncError(message);
  }
  if (status === 408 || status === 429 || status >= 500) return new TransientSyncError(message);
  return new FinalSyncError(message);
}
