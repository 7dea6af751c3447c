import { authError } from './auth-errors.ts';
import { FlowStateStore, verifyPkce } from './flow-states.ts';
import { SETTINGS_PROVIDER_KEYS, type OAuthConfig, type StandinProvider } from './oauth-config.ts';
import { header, json, type Reply, type StandinRequest } from './reply.ts';
import { chooseRedirect } from './redirect-allow-list.ts';
import type { UserDirectory, UserRow } from './users.ts';

/**
 * GoTrue's social sign-in with PKCE, as the extension drives it
 * (https://github.com/supabase/auth, files cited per step). The provider's
 * own pages are simulated: `/authorize` answers at once as if the person had
 * consented (or refused) at GitHub or Google and GoTrue's `/callback` had run,
 * so the browser's web-auth window sees the same final redirect as on a
 * real project.
 */
export interface OAuthContext {
  config: OAuthConfig;
  flowStates: FlowStateStore;
  users: UserDirectory;
  /** Starts a session and answers the token response (auth.ts `startSession`). */
  startSession(user: UserRow): Promise<unknown>;
}

const KNOWN: readonly string[] = SETTINGS_PROVIDER_KEYS;
/** internal/api/pkce.go: RFC 7636's length and alphabet. */
const CHALLENGE = /^[a-zA-Z._~0-9-]{43,128}$/;

/**
 * `GET /auth/v1/authorize` (internal/api/external.go
 * `GetExternalProviderRedirectURL`, then the provider, then
 * `internalExternalProviderCallback` / `redirectErrors`). Kong lets it through
 * without an apikey (supabase/supabase docker/volumes/api/kong.yml,
 * `auth-v1-open-authorize`): a browser window opens it.
 */
export async function authorize(context: OAuthContext, request: StandinRequest): Promise<Reply> {
  const query = request.url.searchParams;
  const provider = (query.get('provider') ?? '').toLowerCase();
  if (!KNOWN.includes(provider) || ['anonymous_users', 'email', 'phone'].includes(provider)) {
    return authError(request, 400, 'validation_failed', `Unsupported provider: Provider ${provider} could not be found`);
  }
  // internal/conf/configuration.go `ValidateOAuth`, wrapped by external.go.
  if (!context.config.enabled.has(provider as StandinProvider)) {
    return authError(request, 400, 'validation_failed', 'Unsupported provider: provider is not enabled');
  }
  const referrer = chooseRedirect(context.config.siteUrl, context.config.redirectAllowList, query.get('redirect_to'), header(request, 'referer'));

  // internal/api/pkce.go `validatePKCEParams`.
  const challenge = query.get('code_challenge') ?? '';
  const method = query.get('code_challenge_method') ?? '';
  if ((challenge === '') !== (method === '')) {
    return authError(request, 400, 'validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
  }
  if (challenge === '') {
    // The implicit flow (tokens in the fragment) is real GoTrue, but the extension never uses it.
    return authError(request, 501, 'not_implemented', 'Supabase stand-in: only the PKCE flow of /authorize is implemented');
  }
  if (challenge.length < 43 || challenge.length > 128) {
    return authError(request, 400, 'validation_failed', 'code challenge has to be between 43 and 128 characters');
  }
  if (!CHALLENGE.test(challenge)) {
    return authError(request, 400, 'validation_failed', 'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes');
  }
  const parsedMethod = method.toLowerCase();
  if (parsedMethod !== 's256' && parsedMethod !== 'plain') {
    return authError(request, 400, 'validation_failed', 'Invalid code_challenge_method');
  }
  const flow = context.flowStates.create({ provider, codeChallenge: challenge, codeChallengeMethod: parsedMethod, referrer });

  // The provider's consent screen. A refusal comes back to GoTrue's callback as
  // `?error=&error_description=` (internal/api/external_oauth.go `oAuthCallback`,
  // an OAuthError), which `redirectErrors` forwards in the query and the fragment, plus `sb`.
  const consent = context.config.consent;
  if (consent !== 'grant') {
    const target = new URL(referrer);
    target.searchParams.set('error', consent.error);
    target.searchParams.set('error_description', consent.description);
    target.hash = new URLSearchParams({ error: consent.error, error_description: consent.description, sb: '' }).toString();
    return redirect(target.toString());
  }

  const account = context.config.accounts[provider as StandinProvider];
  const user = await context.users.signInFromProvider(provider, account.id, account.email, identityData(provider as StandinProvider, account));
  flow.userId = user.id;
  // internal/api/verify.go `prepPKCERedirectURL`: the referrer with `code` set in its query.
  const target = new URL(referrer);
  target.searchParams.set('code', flow.authCode);
  return redirect(target.toString());
}

/** `POST /auth/v1/token?grant_type=pkce` with `{ auth_code, code_verifier }` (internal/api/token.go `PKCE`). */
export async function pkceGrant(context: OAuthContext, request: StandinRequest, body: Record<string, unknown>): Promise<Reply> {
  const authCode = typeof body.auth_code === 'string' ? body.auth_code : '';
  const verifier = typeof body.code_verifier === 'string' ? body.code_verifier : '';
  if (authCode === '' || verifier === '') {
    return authError(request, 400, 'validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  }
  const flow = context.flowStates.byAuthCode(authCode);
  if (!flow || flow.userId === null) return authError(request, 404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
  if (context.flowStates.isExpired(flow)) return authError(request, 422, 'flow_state_expired', 'invalid flow state, flow state has expired');
  const user = await context.users.byId(flow.userId);
  if (!user) return authError(request, 404, 'user_not_found', 'User not found');
  // internal/security/pkce.go `PKCEInvalidCodeChallengeError`; the flow state is kept, as GoTrue does.
  if (!verifyPkce(flow, verifier)) return authError(request, 400, 'bad_code_verifier', 'code challenge does not match previously saved code verifier');
  context.flowStates.delete(flow);
  return json(200, await context.startSession(user));
}

/** `GET /auth/v1/settings` (internal/api/settings.go): which providers are on. */
export function settings(context: OAuthContext): Reply {
  const external = Object.fromEntries(
    SETTINGS_PROVIDER_KEYS.map((key) => [key, key === 'email' || context.config.enabled.has(key as StandinProvider)]),
  );
  return json(200, {
    external,
    disable_signup: false,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: 'twilio',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  });
}

/** GoTrue answers 302 Found (`http.Redirect`, http.StatusFound). */
function redirect(location: string): Reply {
  return { status: 302, headers: { location }, body: Buffer.alloc(0) };
}

/**
 * The user metadata GoTrue keeps from each provider (internal/api/provider/github.go
 * and google.go, `Claims`): GitHub gives its login as `user_name` / `preferred_username`.
 */
function identityData(provider: StandinProvider, account: OAuthConfig['accounts'][StandinProvider]): Record<string, unknown> {
  const iss = provider === 'github' ? 'https://api.github.com' : 'https://accounts.google.com';
  return {
    iss,
    sub: account.id,
    provider_id: account.id,
    name: account.name,
    full_name: account.name,
    email: account.email,
    email_verified: true,
    phone_verified: false,
    ...(account.userName ? { user_name: account.userName, preferred_username: account.userName } : {}),
  };
}
