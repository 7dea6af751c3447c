/** The providers the stand-in can play, by GoTrue's names. */
export type StandinProvider = 'github' | 'google';

/** The account the simulated provider reports after consent. */
export interface ProviderAccount {
  /** The provider's user id (GoTrue's `provider_id` / `sub`). */
  id: string;
  email: string;
  name: string;
  /** GitHub's login; Google has none. */
  userName?: string;
}

/**
 * A project's OAuth settings as the dashboard sets them, and how the
 * simulated provider answers. Tests change it between sign-ins.
 */
export interface OAuthConfig {
  /** Providers turned on (Authentication → Sign In / Providers). Default: GitHub and Google. */
  enabled: Set<StandinProvider>;
  /**
   * GoTrue's SITE_URL, where a `redirect_to` outside the allow list is sent
   * instead. Default `http://127.0.0.1:3000`, as `supabase init` writes it (supabase/config.toml `site_url`).
   */
  siteUrl: string;
  /** GoTrue's URI_ALLOW_LIST (Authentication → URL Configuration → Redirect URLs). Default empty, as a new project. */
  redirectAllowList: string[];
  /**
   * The provider's consent screen: `grant`, or the error the provider sends
   * back to GoTrue's callback, e.g. GitHub's denial
   * `{ error: 'access_denied', description: 'The user has denied your application access.' }`
   * (https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-authorization-request-errors).
   */
  consent: 'grant' | { error: string; description: string };
  /** Who signs in at each provider. */
  accounts: Record<StandinProvider, ProviderAccount>;
}

export function defaultOAuthConfig(): OAuthConfig {
  return {
    enabled: new Set(['github', 'google']),
    siteUrl: 'http://127.0.0.1:3000',
    redirectAllowList: [],
    consent: 'grant',
    accounts: {
      github: { id: '583231', email: 'octocat@example.test', name: 'The Octocat', userName: 'octocat' },
      google: { id: '108378563217049171234', email: 'octocat@example.test', name: 'The Octocat' },
    },
  };
}

/** The `/auth/v1/settings` provider flags, all of GoTrue's keys (internal/api/settings.go `ProviderSettings`). */
export const SETTINGS_PROVIDER_KEYS = [
  'anonymous_users', 'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'snapchat', 'figma', 'fly', 'github', 'gitlab',
  'google', 'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc', 'workos',
  'twitch', 'twitter', 'email', 'phone', 'zoom',
] as const;
