import { describe, expect, it } from 'vitest';
import { INVITE_CODE_ALPHABET, inviteCodeOf, normaliseInviteCode } from './invite-code';

describe('invite codes', () => {
  it('the alphabet is the one create_invite() draws from (read from the migration)', async () => {
    const { readFileSync } = await import('node:fs');
    const sql = readFileSync('supabase/migrations/20261126000000_team_sync.sql', 'utf8');
    expect(sql).toContain(`substr('${INVITE_CODE_ALPHABET}'`);
    expect(sql).toContain(`code ~ '^[${INVITE_CODE_ALPHABET}]{10}$'`);
  });

  it('reads codes the way join_team() does: letters and digits only, upper case', () => {
    expect(normaliseInviteCode(' ab-cd e23456 ')).toBe('ABCDE23456');
    expect(inviteCodeOf('abcde-23456')).toBe('ABCDE23456');
  });

  it.each(['ABCDE2345', 'ABCDE234567', 'ABCDE2345O', 'ABCDE23451', 'ABCDE2345I', ''])('%j is not a code', (text) => {
    expect(inviteCodeOf(text)).toBeNull();
  });
});
