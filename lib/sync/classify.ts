import { AuthSyncError, FinalSyncError, TransientSyncError } from './transport';

/**
 * Which failures are worth retrying (PowerSync's Supabase connector draws the
 * same line): network errors, timeouts, 5xx and 429 are transient; an expired
 * or missing session waits for sign-in; permission and validation errors are
 * final for the item and go to the dead-letter list.
 */
export function classifyError(error: { status?: number; code?: string; message?: string } | null | undefined, what: string) {
  const status = error?.status ?? 0;
  const message = `${what}: ${error?.message || 'no answer'}`;
  if (status === 0 || /fetch failed|Failed to fetch|NetworkError|network|ECONNRE|socket hang up|aborted|timed? ?out|TimeoutError/i.test(error?.message ?? '')) {
    return new TransientSyncError(`${what}: the server could not be reached`, true);
  }
  // PostgREST answers an expired token with 401 PGRST303 (PGRST301 before v13);
  // Storage answers it with 400 and "jwt expired" in the body.
  if (status === 401 || error?.code === 'PGRST301' || error?.code === 'PGRST303' || /jwt expired|invalid jwt/i.test(error?.message ?? '')) {
    return new AuthSyncError(message);
  }
  if (status === 408 || status === 429 || status >= 500) return new TransientSyncError(message);
  return new FinalSyncError(message);
}
