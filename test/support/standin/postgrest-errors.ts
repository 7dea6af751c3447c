import type { DatabaseError } from 'pg';
import type { JwtProblem } from './jwt.ts';
import { json, type Reply } from './reply.ts';

// ---------------------------------------------------------------------------
// PostgREST: body { code, details, hint, message }, header Proxy-Status.
// https://github.com/PostgREST/postgrest/blob/main/src/PostgREST/Error.hs
// ---------------------------------------------------------------------------

export interface PostgrestErrorBody {
  code: string;
  message: string;
  details?: string | null;
  hint?: string | null;
}

export function postgrestError(status: number, error: PostgrestErrorBody, headers: Record<string, string> = {}): Reply {
  const body = { code: error.code, details: error.details ?? null, hint: error.hint ?? null, message: error.message };
  return json(status, body, { 'proxy-status': `PostgREST; error=${error.code}`, ...headers });
}

/** `mapSQLtoHTTP` in Error.hs: the HTTP status PostgREST gives a SQLSTATE. */
export function sqlStateStatus(code: string, message: string, authenticated: boolean): number {
  const exact: Record<string, number> = { '23503': 409, '23505': 409, '25006': 405, '53400': 500, '57P01': 503, P0001: 400, '42P01': 404, '42P17': 500 };
  const known = exact[code];
  if (known !== undefined) return known;
  if (code === '42501') return authenticated ? 403 : 401; // insufficient_privilege
  if (code === '42883') return 404; // undefined_function
  if (code.startsWith('PT')) return ptStatus(code); // raise sqlstate 'PT429'
  if (code === '21000') return /requires a WHERE clause$/.test(message) ? 400 : 500;
  if (code === '22023') return /^role .* does not exist$/.test(message) ? 401 : 400;
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500, '3B': 500,
    '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500, P0: 500, XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400; // everything else, e.g. 22P02, 23502, 23514: 400
}

/**
 * `'P':'T':n -> fromMaybe status500 (mkStatus <$> readMaybe n <*> pure m)` in mapSQLtoHTTP
 * (PostgREST/postgrest src/library/PostgREST/Error.hs): the digits after PT are the HTTP
 * status, anything unreadable is 500. (Node cannot send a status outside 100–999; those are 500 too.)
 */
function ptStatus(code: string): number {
  const digits = code.slice(2);
  const status = /^\d+$/.test(digits) ? Number(digits) : NaN;
  return status >= 100 && status <= 999 ? status : 500;
}

/**
 * The body is `{ code, details, hint, message }` with the SQLSTATE as code (`instance
 * ErrorBody SQL.CommandError`); a 401 carries `WWW-Authenticate: Bearer`. For `PTxyz` the
 * message is also the HTTP reason phrase (`mkStatus n m`), e.g. `HTTP/1.1 429 Too many events…`.
 */
export function postgrestSqlError(error: DatabaseError, authenticated: boolean): Reply {
  const code = error.code ?? 'XX000';
  if (code === 'PGRST') return raisedPgrstError(error);
  const status = sqlStateStatus(code, error.message, authenticated);
  const body = { code, message: error.message, details: error.detail ?? null, hint: error.hint ?? null };
  const reply = postgrestError(status, body, status === 401 ? { 'www-authenticate': 'Bearer' } : {});
  return code.startsWith('PT') && status !== 500 ? { ...reply, statusText: error.message } : reply;
}

/**
 * `raise sqlstate 'PGRST' using message = '{"code":…,"message":…}', detail = '{"status":…,"headers":{…}}'`
 * gives the function full control of the response (docs: "Raise errors with HTTP Status Codes").
 */
function raisedPgrstError(error: DatabaseError): Reply {
  try {
    const message = JSON.parse(error.message) as PostgrestErrorBody;
    const detail = JSON.parse(error.detail ?? '') as { status: number; status_text?: string; headers?: Record<string, string> };
    const reply = postgrestError(detail.status, message, detail.headers ?? {});
    return detail.status_text ? { ...reply, statusText: detail.status_text } : reply;
  } catch {
    return postgrestError(500, {
      code: 'PGRST121',
      message: 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
      details: error.detail ? `Invalid JSON value for DETAIL: '${error.detail}'` : 'DETAIL is missing in the RAISE statement',
    });
  }
}

/**
 * JwtDecodeErr → PGRST301, JwtClaimsErr (expired) → PGRST303; both 401 with WWW-Authenticate.
 * (PostgREST 12 and older said PGRST301 "JWT expired"; clients should key on 401 + message.)
 */
export function postgrestJwtError(problem: JwtProblem, parts: number): Reply {
  const messages: Record<JwtProblem, [string, string]> = {
    empty: ['PGRST301', 'Empty JWT is sent in Authorization header'],
    malformed: ['PGRST301', parts === 3 ? "JWT couldn't be decoded" : `Expected 3 parts in JWT; got ${parts}`],
    signature: ['PGRST301', 'JWT cryptographic operation failed'],
    expired: ['PGRST303', 'JWT expired'],
  };
  const [code, message] = messages[problem];
  return postgrestError(401, { code, message }, {
    'www-authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`,
  });
}
