import { PROVIDER_LABELS, providerCallbackUrl, type OAuthProvider } from './oauth-provider';

/**
 * Every way "Continue with GitHub/Google" can fail, as one sentence that says
 * what to fix. Sources (https://github.com/supabase/auth unless stated):
 * - a provider that is off: GoTrue's `/authorize` answers 400 `validation_failed`
 *   "Unsupported provider: provider is not enabled" (internal/api/external.go
 *   `GetExternalProviderRedirectURL`, internal/conf/configuration.go `ValidateOAuth`),
 *   and `/settings` lists it as false (internal/api/settings.go);
 * - a `redirect_to` not in the allow list: GoTrue silently uses the Site URL
 *   instead (internal/utilities/request.go `GetReferrer`, `IsRedirectURLValid`), so
 *   the window ends on the Site URL and never reaches the extension;
 * - a provider's refusal (`access_denied`, `redirect_uri_mismatch`) comes back
 *   in `error` (internal/api/external_oauth.go `oAuthCallback`, external.go
 *   `redirectErrors`); GoTrue's own refusals there carry `error_code`;
 * - the code exchange: 404 `flow_state_not_found`, 422 `flow_state_expired`
 *   (300 s, `defaultFlowStateExpiryDuration` in internal/conf/configuration.go),
 *   400 `bad_code_verifier` (internal/api/token.go `PKCE`).
 */
export interface OAuthErrorContext {
  provider: OAuthProvider;
  /** This browser's redirect URL (identity.getRedirectURL()). */
  redirectUrl: string;
  projectUrl: string;
}

const redirectFix = (c: OAuthErrorContext) =>
  `add ${c.redirectUrl} under Authentication → URL Configuration → Redirect URLs in the Supabase dashboard`;

/** The browsers' words for a closed window: Chromium 156 and Firefox ESR 153 (probed). */
const WINDOW_CLOSED = ['The user did not approve access.', 'User cancelled or denied access.'];

export function isWindowClosed(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return WINDOW_CLOSED.some((m) => message.includes(m));
}

/**
 * Chromium rejects at once with this when a page in the window fails to load
 * (probed, Chromium 156): typically the Site URL GoTrue fell back to is not
 * served, as `http://127.0.0.1:3000` of a fresh project; or the project is
 * unreachable. Firefox instead leaves its error page open until it is closed.
 */
export function isPageNotLoaded(error: unknown): boolean {
  return (error instanceof Error ? error.message : String(error)).includes('Authorization page could not be loaded.');
}

export function pageNotLoadedSentence(c: OAuthErrorContext): string {
  const p = PROVIDER_LABELS[c.provider];
  return (
    `The ${p} sign-in window could not load a page. Usually Supabase did not accept this extension's redirect URL and sent the window to the project's Site URL instead: ` +
    `${redirectFix(c)}. Otherwise check that ${c.projectUrl} is reachable.`
  );
}

/** Closed by the person, or stuck on another page (the Site URL after a refused redirect): the browser cannot tell which. */
export function windowClosedSentence(c: OAuthErrorContext): string {
  const p = PROVIDER_LABELS[c.provider];
  return (
    `The ${p} sign-in window was closed before it came back to the extension. ` +
    `If it stopped on another page (such as the project's Site URL), Supabase does not accept this extension's redirect URL: ${redirectFix(c)}, then try again.`
  );
}

export function timedOutSentence(c: OAuthErrorContext, minutes: number): string {
  const p = PROVIDER_LABELS[c.provider];
  return (
    `The ${p} sign-in did not come back within ${minutes} minutes, so it has expired. Close its window and try again. ` +
    `If the window shows another page (such as the project's Site URL), ${redirectFix(c)}.`
  );
}

export function notEnabledSentence(c: OAuthErrorContext): string {
  const p = PROVIDER_LABELS[c.provider];
  return (
    `${p} sign-in is not enabled on this Supabase project. In the Supabase dashboard, open Authentication → Sign In / Providers → ${p}, ` +
    `turn it on and enter the client ID and secret of your ${p} OAuth app, whose callback URL must be ${providerCallbackUrl(c.projectUrl)}.`
  );
}

/** An `error` the window came back with (GoTrue's own, or the provider's forwarded). */
export function callbackErrorSentence(c: OAuthErrorContext, error: string, description: string, errorCode: string | null): string {
  const p = PROVIDER_LABELS[c.provider];
  const said = description ? ` (${p} said: “${description}”)` : '';
  if (errorCode === 'signup_disabled') {
    return 'This Supabase project does not allow new sign-ups, and this account has none yet. Ask the project owner to invite you, or to allow sign-ups under Authentication → Sign In / Providers.';
  }
  if (errorCode === 'user_banned') return 'This account is banned on this Supabase project. Ask the project owner.';
  if (errorCode === 'provider_email_needs_verification') {
    return `${description || `Verify your email address with ${p}`}. Then try again.`;
  }
  switch (error) {
    case 'access_denied':
      return `${p} did not allow the sign-in${said}. Try again and choose to authorise the app when ${p} asks.`;
    case 'redirect_uri_mismatch':
      return (
        `${p} refused the sign-in because its OAuth app does not list this project's callback URL (redirect_uri_mismatch). ` +
        `In the ${p} OAuth app, set the callback URL to ${providerCallbackUrl(c.projectUrl)}; and in Supabase, ${redirectFix(c)}.`
      );
    default:
      return `The ${p} sign-in failed: ${description || error} (${errorCode ?? error}).`;
  }
}

/** An error from `exchangeCodeForSession` (auth-js AuthError: `code`, `name`, `message`). */
export function exchangeErrorSentence(c: OAuthErrorContext, error: { code?: string | undefined; name?: string; message: string }): string {
  const again = `Start again with “Continue with ${PROVIDER_LABELS[c.provider]}”.`;
  if (error.name === 'AuthPKCECodeVerifierMissingError') {
    return `This browser no longer holds the secret that started the sign-in (it was cleared or signed out meanwhile). ${again}`;
  }
  switch (error.code) {
    case 'flow_state_not_found':
      return `The project does not know this sign-in code: it was already used, or the sign-in was started elsewhere. ${again}`;
    case 'flow_state_expired':
      return `The sign-in took more than 5 minutes and expired. ${again}`;
    case 'bad_code_verifier':
      return `The sign-in came back to a different attempt than the one that started it (code verifier does not match). ${again}`;
    default:
      return `Could not finish the sign-in: ${error.message}`;
  }
}
