import { authError } from './auth-errors.ts';
import { postgrestError } from './postgrest-errors.ts';
import { json, type Reply, type StandinRequest } from './reply.ts';
import { storageError } from './storage-errors.ts';

// ---------------------------------------------------------------------------
// The API gateway (Kong key-auth in front of every service).
// ---------------------------------------------------------------------------

export const gatewayErrors = {
  noApiKey: () => json(401, { message: 'No API key found in request', hint: "No `apikey` request header or url param was found." }),
  invalidApiKey: () => json(401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' }),
  noRoute: () => json(404, { message: 'no Route matched with those values' }),
};

// ---------------------------------------------------------------------------
// Injected faults, shaped like the service's own 500 / 503 answers.
// ---------------------------------------------------------------------------

export function injectedError(request: StandinRequest, status: 500 | 503): Reply {
  const path = request.url.pathname;
  if (path.startsWith('/auth/')) {
    return authError(request, status, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
  }
  if (path.startsWith('/storage/')) {
    return status === 500
      ? storageError(500, 'InternalError', 'Internal server error', 'internal')
      : json(503, { statusCode: '503', code: 'DatabaseConnectionLimit', error: 'DatabaseConnectionLimit', message: 'The database has reached its maximum number of connections. Please try again later.' });
  }
  return status === 500
    ? postgrestError(500, { code: 'XX000', message: 'injected fault: internal error' })
    : postgrestError(503, { code: 'PGRST000', message: 'Database connection error. Retrying the connection.', details: 'injected fault' });
}
