import type { JwtProblem } from './jwt.ts';
import { header, json, type Reply, type StandinRequest } from './reply.ts';

// ---------------------------------------------------------------------------
// GoTrue: `{ code: <status>, error_code, msg }`, or `{ code: <error_code>, message }`
// when the request asks for API version 2024-01-01 (auth-js always does), and
// then the version is echoed in X-Supabase-Api-Version.
// https://github.com/supabase/auth/blob/master/internal/api/errors.go (HandleResponseError)
// ---------------------------------------------------------------------------

const API_VERSION_2024 = '2024-01-01';

export function authError(
  request: StandinRequest,
  status: number,
  errorCode: string,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  const asked = header(request, 'x-supabase-api-version') ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(asked) && asked >= API_VERSION_2024) {
    return json(status, { code: errorCode, message, ...extra }, { 'x-supabase-api-version': API_VERSION_2024 });
  }
  return json(status, { code: status, error_code: errorCode, msg: message, ...extra });
}

/** golang-jwt's wording, as GoTrue wraps it in `bad_jwt` (internal/api/auth.go). */
export function authJwtMessage(problem: JwtProblem): string {
  const reasons: Record<JwtProblem, string> = {
    empty: 'token is malformed: token contains an invalid number of segments',
    malformed: 'token is malformed: could not JSON decode header',
    signature: 'token signature is invalid: signature is invalid',
    expired: 'token has invalid claims: token is expired',
  };
  return `invalid JWT: unable to parse or verify signature, ${reasons[problem]}`;
}
