import { NETWORK_URL_MAX } from '../model/network-context';

/**
 * A request URL as it may be stored with a screenshot and shared with the
 * team: no credentials in it, as far as its shape tells.
 *
 * - userinfo (`user:pass@`) is removed (RFC 3986 §3.2.1 calls it deprecated
 *   for exactly this reason);
 * - the fragment is removed whole: it is never sent to the server, so it tells
 *   nothing about a failing request, and the OAuth implicit flow puts
 *   `access_token` there (RFC 6749 §4.2.2);
 * - in the query, each parameter whose name looks secret keeps its name but
 *   its value becomes `REDACTED`, as do values shaped like a JWT (RFC 7519 §3:
 *   base64url header starting `eyJ`) whatever their name. The names stay so a
 *   reader still sees which request it was (`/api/orders?page=2&token=REDACTED`);
 *   this is the OWASP advice of never logging session ids and access tokens
 *   (https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude),
 *   applied to the query where Resource Timing shows them;
 * - only http(s) URLs are kept as they are; any other scheme (data:, blob:)
 *   is reduced to its scheme, since its "URL" can be the content itself;
 * - then the result is cut to `NETWORK_URL_MAX` characters.
 *
 * Secrets in the path (`/reset/<token>`) are not recognised: the path is what
 * tells requests apart, and nothing in its shape says which segment is secret.
 */
export const REDACTED = 'REDACTED';

/**
 * Parameter names that carry secrets: tokens, keys, signatures (AWS SigV4's
 * X-Amz-Signature/X-Amz-Credential/X-Amz-Security-Token, Azure SAS `sig`,
 * Google's `X-Goog-Signature`), OAuth codes and states, sessions, passwords.
 * Matched anywhere in the name, case-insensitively: `api_key`, `apiKey`,
 * `refresh_token`, `PHPSESSID`, `auth`, `x-amz-credential`. Over-matching
 * (`zipcode`) only hides a harmless value.
 */
const SECRET_NAME =
  /token|key|sig|code|auth|session|sessid|sid$|^sid|passw|pwd|secret|credential|jwt|bearer|cookie|otp|nonce|saml|ticket|x-amz-|x-goog-|state/i;
const JWT_VALUE = /^eyJ[\w-]+\.[\w-]+\./;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part; // a cut or malformed escape: judge the raw text
  }
}

function sanitiseQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return JWT_VALUE.test(decoded(pair)) ? REDACTED : pair;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      return SECRET_NAME.test(decoded(name)) || JWT_VALUE.test(decoded(value)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

export function sanitiseRequestUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol}…`;
  const query = url.search.length > 1 ? `?${sanitiseQuery(url.search.slice(1))}` : '';
  const clean = `${url.protocol}//${url.host}${url.pathname}${query}`;
  return clean.length <= NETWORK_URL_MAX ? clean : `${clean.slice(0, NETWORK_URL_MAX - 1)}…`;
}
