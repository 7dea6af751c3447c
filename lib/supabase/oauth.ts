import type { SupabaseClient, User } from '@supabase/supabase-js';
import type { WebAuthPort } from '../browser/web-auth';
import type { AuthSettings } from './auth-settings';
import { readOAuthCallback } from './oauth-callback';
import {
  callbackErrorSentence,
  exchangeErrorSentence,
  isPageNotLoaded,
  isWindowClosed,
  notEnabledSentence,
  pageNotLoadedSentence,
  timedOutSentence,
  windowClosedSentence,
  type OAuthErrorContext,
} from './oauth-errors';
import type { OAuthProvider } from './oauth-provider';

export interface OAuthDeps {
  /** supabase-js auth with `flowType: 'pkce'` (lib/supabase/client.ts): it keeps the code verifier in the auth storage. */
  auth: Pick<SupabaseClient['auth'], 'signInWithOAuth' | 'exchangeCodeForSession'>;
  webAuth: WebAuthPort;
  projectUrl: string;
  settings(): Promise<AuthSettings>;
  /** How long to wait for the window: GoTrue's flow state lives 300 s (defaultFlowStateExpiryDuration). */
  timeoutMs?: number;
}

const FLOW_STATE_MS = 5 * 60_000;

/**
 * Sign in with GitHub or Google: Supabase OAuth with PKCE through the
 * browser's web-auth window (https://supabase.com/docs/guides/auth/social-login,
 * https://supabase.com/docs/reference/javascript/auth-signinwithoauth).
 * supabase-js builds the authorize URL and stores the verifier; the window
 * follows GoTrue → provider → GoTrue → our redirect URL with `?code=`; the
 * code is exchanged for a session. Every failure is one sentence saying what
 * to fix (oauth-errors.ts).
 */
export async function signInWithProvider(deps: OAuthDeps, provider: OAuthProvider): Promise<User> {
  const redirectUrl = deps.webAuth.redirectUrl();
  const context: OAuthErrorContext = { provider, redirectUrl, projectUrl: deps.projectUrl };

  const settings = await deps.settings();
  if (settings.external[provider] !== true) throw new Error(notEnabledSentence(context));

  const started = await deps.auth.signInWithOAuth({ provider, options: { redirectTo: redirectUrl, skipBrowserRedirect: true } });
  if (started.error || !started.data.url) throw new Error(`Could not start the sign-in: ${started.error?.message ?? 'no address to open'}`);

  const returned = await waitForWindow(deps, started.data.url, context);
  const callback = readOAuthCallback(returned, redirectUrl);
  if (callback.kind === 'error') throw new Error(callbackErrorSentence(context, callback.error, callback.description, callback.errorCode));

  // The flow id picks this attempt's verifier, not an older abandoned one (auth-js `retrievePKCEVerifier`).
  const flowId = started.data.flowId ?? undefined;
  const { data, error } = await deps.auth.exchangeCodeForSession(callback.code, flowId ? { flowId } : undefined);
  if (error) throw new Error(exchangeErrorSentence(context, error));
  if (!data.user) throw new Error('Signed in, but the server sent no user.');
  return data.user;
}

async function waitForWindow(deps: OAuthDeps, url: string, context: OAuthErrorContext): Promise<string> {
  const timeoutMs = deps.timeoutMs ?? FLOW_STATE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(timedOutSentence(context, Math.round(timeoutMs / 60_000)))), timeoutMs);
  });
  try {
    return await Promise.race([deps.webAuth.launch(url), timedOut]);
  } catch (error) {
    if (isWindowClosed(error)) throw new Error(windowClosedSentence(context));
    if (isPageNotLoaded(error)) throw new Error(pageNotLoadedSentence(context));
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
