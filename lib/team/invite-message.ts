import { INSTALL_LINKS } from './install-links';

/** What a teammate needs to join, all of it safe to paste in a team chat. */
export interface InviteDetails {
  teamName: string;
  /** The team's Supabase project URL. */
  url: string;
  /**
   * The project's publishable (or legacy anon) key. Public by design: it only
   * identifies the project, and row-level security decides what anyone may
   * read (https://supabase.com/docs/guides/api/api-keys). It is the key the
   * connect step asks for (lib/supabase/connection.ts refuses secret keys).
   */
  anonKey: string;
  code: string;
}

/** The labels parseInviteMessage() (invite-message-parse.ts) reads the values back by. */
export const INVITE_LABELS = { url: 'Project URL', key: 'Project key', code: 'Invite code' } as const;

/**
 * The one message "Copy invite" puts on the clipboard: what the tool is, where
 * to install it, the three steps, then the values, one per line so a chat app
 * that rewraps or reformats the text keeps each on its own line.
 */
export function buildInviteMessage(invite: InviteDetails): string {
  return [
    `You're invited to the ${invite.teamName} team on Incident Capture, a browser extension for declaring an incident in seconds and keeping a dated timeline of its evidence, shared with the team.`,
    '',
    `1. Install it: ${INSTALL_LINKS.chromeWebStore} (Chrome, Edge, Brave) or ${INSTALL_LINKS.firefoxAddons} (Firefox).`,
    `2. Open its options, and under Team paste this whole message into ${INVITE_LABELS.url}. Then sign in.`,
    '3. Press Join team: the code is already filled in.',
    '',
    `${INVITE_LABELS.url}: ${invite.url}`,
    `${INVITE_LABELS.key} (public, safe to share): ${invite.anonKey}`,
    `${INVITE_LABELS.code}: ${invite.code}`,
  ].join('\n');
}
