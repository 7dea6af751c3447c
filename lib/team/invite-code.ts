/**
 * The shape of an invite code, as the server makes them: create_invite()
 * draws 10 characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ (no 0/O, 1/I),
 * and team_invites.code is checked against exactly that
 * (supabase/migrations/20261126000000_team_sync.sql). join_team() strips
 * anything but letters and digits and upper-cases before looking a code up,
 * so "abcde-fghjk" is the same code; this reads codes the same way.
 */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 10;
const INVITE_CODE = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

export const INVITE_CODE_SHAPE =
  'Invite codes are 10 letters and digits (never 0, 1, I or O), like ABCDE23456.';

/** What join_team() would look up for this text. */
export function normaliseInviteCode(text: string): string {
  return text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/** The code, normalised, if the text is one; null if it is not the shape the server makes. */
export function inviteCodeOf(text: string): string | null {
  const code = normaliseInviteCode(text);
  return INVITE_CODE.test(code) ? code : null;
}
