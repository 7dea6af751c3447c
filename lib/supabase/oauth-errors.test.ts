import { describe, expect, it } from 'vitest';
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

const c: OAuthErrorContext = {
  provider: 'github',
  redirectUrl: 'https://abc.chromiumapp.org/',
  projectUrl: 'https://ref.supabase.co',
};

describe('OAuth error sentences', () => {
  it("recognises both browsers' closed-window refusals, and nothing else", () => {
    expect(isWindowClosed(new Error('The user did not approve access.'))).toBe(true);
    expect(isWindowClosed(new Error('User cancelled or denied access.'))).toBe(true);
    expect(isWindowClosed(new Error('Authorization page could not be loaded.'))).toBe(false);
  });

  it("Chromium's page that could not load points at the redirect URL too", () => {
    expect(isPageNotLoaded(new Error('Authorization page could not be loaded.'))).toBe(true);
    expect(isPageNotLoaded(new Error('The user did not approve access.'))).toBe(false);
    expect(pageNotLoadedSentence(c)).toBe(
      "The GitHub sign-in window could not load a page. Usually Supabase did not accept this extension's redirect URL and sent the window to the project's Site URL instead: " +
        'add https://abc.chromiumapp.org/ under Authentication → URL Configuration → Redirect URLs in the Supabase dashboard. Otherwise check that https://ref.supabase.co is reachable.',
    );
  });

  it('a closed window names the exact redirect URL to allow', () => {
    expect(windowClosedSentence(c)).toContain('add https://abc.chromiumapp.org/ under Authentication → URL Configuration → Redirect URLs');
    expect(timedOutSentence(c, 5)).toMatch(/within 5 minutes.*add https:\/\/abc\.chromiumapp\.org\//);
  });

  it('a provider that is off says where to turn it on and the callback URL', () => {
    expect(notEnabledSentence({ ...c, provider: 'google' })).toBe(
      'Google sign-in is not enabled on this Supabase project. In the Supabase dashboard, open Authentication → Sign In / Providers → Google, ' +
        'turn it on and enter the client ID and secret of your Google OAuth app, whose callback URL must be https://ref.supabase.co/auth/v1/callback.',
    );
  });

  it('denied consent and redirect_uri_mismatch each say what to do', () => {
    expect(callbackErrorSentence(c, 'access_denied', 'The user has denied your application access.', null)).toBe(
      'GitHub did not allow the sign-in (GitHub said: “The user has denied your application access.”). Try again and choose to authorise the app when GitHub asks.',
    );
    const mismatch = callbackErrorSentence(c, 'redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL for this application.', null);
    expect(mismatch).toContain('set the callback URL to https://ref.supabase.co/auth/v1/callback');
    expect(mismatch).toContain('add https://abc.chromiumapp.org/ under Authentication → URL Configuration → Redirect URLs');
    expect(callbackErrorSentence(c, 'access_denied', 'Signups not allowed for this instance', 'signup_disabled')).toContain('does not allow new sign-ups');
    expect(callbackErrorSentence(c, 'server_error', 'Error getting user email from external provider', 'unexpected_failure')).toBe(
      'The GitHub sign-in failed: Error getting user email from external provider (unexpected_failure).',
    );
  });

  it("turns GoTrue's code-exchange refusals into sentences", () => {
    expect(exchangeErrorSentence(c, { code: 'flow_state_not_found', message: 'invalid flow state, no valid flow state found' })).toMatch(/already used/);
    expect(exchangeErrorSentence(c, { code: 'flow_state_expired', message: 'x' })).toMatch(/more than 5 minutes/);
    expect(exchangeErrorSentence(c, { code: 'bad_code_verifier', message: 'code challenge does not match previously saved code verifier' })).toMatch(
      /code verifier does not match/,
    );
    expect(exchangeErrorSentence(c, { name: 'AuthPKCECodeVerifierMissingError', message: 'PKCE code verifier not found in storage.' })).toMatch(
      /no longer holds the secret/,
    );
    expect(exchangeErrorSentence(c, { message: 'Failed to fetch' })).toBe('Could not finish the sign-in: Failed to fetch');
  });
});
