import { z } from 'zod';

/** The sign-in providers the options page offers (GoTrue's provider names, internal/api/external.go). */
export const oauthProviderSchema = z.enum(['github', 'google']);
export type OAuthProvider = z.infer<typeof oauthProviderSchema>;

export const PROVIDER_LABELS: Record<OAuthProvider, string> = { github: 'GitHub', google: 'Google' };

/** Where each provider's OAuth app must send people back: GoTrue's callback on the project. */
export function providerCallbackUrl(projectUrl: string): string {
  return `${projectUrl.replace(/\/+$/, '')}/auth/v1/callback`;
}
