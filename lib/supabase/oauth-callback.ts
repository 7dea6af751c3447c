/**
 * What the sign-in window came back with. GoTrue sends the person to the
 * redirect URL with `?code=<auth code>` when the PKCE flow succeeded
 * (internal/api/verify.go `prepPKCERedirectURL`, called from
 * internal/api/external.go), and with `?error=&error_description=&error_code=`
 * in the query AND the fragment when it failed (external.go `redirectErrors`,
 * `getErrorQueryString`): a provider's own error (`access_denied`,
 * `redirect_uri_mismatch`) is forwarded as it came (`OAuthError`).
 * https://github.com/supabase/auth
 */
export type OAuthCallback =
  | { kind: 'code'; code: string }
  | { kind: 'error'; error: string; description: string; errorCode: string | null };

export function readOAuthCallback(returned: string, redirectUrl: string): OAuthCallback {
  let url: URL;
  try {
    url = new URL(returned);
  } catch {
    throw new Error('The sign-in window came back with an address that is not a URL.');
  }
  if (!returned.startsWith(redirectUrl)) {
    throw new Error(`The sign-in window came back to ${url.origin}, not to this extension (${redirectUrl}).`);
  }
  const query = url.searchParams;
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const param = (name: string) => query.get(name) ?? fragment.get(name);
  const error = param('error');
  if (error) {
    return { kind: 'error', error, description: param('error_description') ?? '', errorCode: param('error_code') };
  }
  const code = query.get('code');
  if (code) return { kind: 'code', code };
  throw new Error('The sign-in came back without a code or an error. Try again.');
}
