import { describe, expect, it } from 'vitest';
import { formatHlc } from '../clock/hlc';
import { messageSchema } from '../messaging/protocol';
import { incidentEventSchema } from './event';
import { personNameSchema, teamNameSchema, titleSchema } from './incident-fields';
import { BIDI_NAME_MESSAGE, BIDI_TEAM_NAME_MESSAGE, BIDI_TITLE_MESSAGE } from './text-direction';

// Every character of U+202A–U+202E and U+2066–U+2069, each hidden inside ordinary text.
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('text-direction control characters', () => {
  it.each(BIDI)('refuses U+%s in a title, a person’s name and a team name, saying why', (c) => {
    const hidden = `Invoice ${c}gnp.exe${c === '\u202c' ? '' : '\u202c'} export`;
    expect(firstMessage(titleSchema.safeParse(hidden))).toBe(BIDI_TITLE_MESSAGE);
    expect(firstMessage(personNameSchema.safeParse(`Sam ${c}Smith`))).toBe(BIDI_NAME_MESSAGE);
    expect(firstMessage(teamNameSchema.safeParse(`Ops ${c}team`))).toBe(BIDI_TEAM_NAME_MESSAGE);
  });

  it('keeps right-to-left text and the implicit direction marks (U+200E, U+200F)', () => {
    expect(titleSchema.parse('שגיאה בתשלום \u200fcheckout')).toBe('שגיאה בתשלום \u200fcheckout');
    expect(personNameSchema.parse('سارة\u200e')).toBe('سارة\u200e');
    expect(teamNameSchema.parse('فريق المنصة')).toBe('فريق المنصة');
  });

  it('says what the characters are and that they change what text appears to say', () => {
    expect(BIDI_TITLE_MESSAGE).toMatch(/U\+202A–U\+202E, U\+2066–U\+2069/);
    expect(BIDI_NAME_MESSAGE).toMatch(/^A display name cannot contain text-direction control characters/);
    expect(BIDI_TEAM_NAME_MESSAGE).toMatch(/^A team name cannot contain text-direction control characters/);
  });

  const envelope = {
    id: '0190a000-0000-7000-8000-000000000001',
    incidentId: '0190a000-0000-7000-8000-000000000001',
    teamId: null,
    authorId: '0190a000-0000-7000-8000-000000000002',
    hlc: formatHlc({ wall: Date.UTC(2026, 10, 26, 9), counter: 0, node: 'a1' }),
    createdAt: '2026-11-26T09:00:00.000Z',
  };

  it('refuses them in every event that carries a title, a follow-up or a lead’s name', () => {
    const lead = { leadId: envelope.authorId, leadName: 'Sam' };
    const bad = '\u202eevil';
    const bodies = [
      { kind: 'declared', body: { title: bad, severity: 'minor', ...lead } },
      { kind: 'declared', body: { title: 'Fine', severity: 'minor', ...lead, leadName: bad } },
      { kind: 'title_changed', body: { title: bad } },
      { kind: 'lead_changed', body: { ...lead, leadName: bad } },
      { kind: 'follow_up_added', body: { followUpId: envelope.id, text: bad } },
    ];
    for (const b of bodies) {
      const parsed = incidentEventSchema.safeParse({ ...envelope, ...b });
      expect(parsed.success, `${b.kind} ${JSON.stringify(b.body)}`).toBe(false);
      expect([BIDI_TITLE_MESSAGE, BIDI_NAME_MESSAGE]).toContain(firstMessage(parsed));
    }
    // The same event without the character parses, so the refusal above is the character's doing.
    expect(incidentEventSchema.safeParse({ ...envelope, kind: 'title_changed', body: { title: 'evil' } }).success).toBe(true);
  });

  it('refuses them in the name of a team being created', () => {
    const parsed = messageSchema.safeParse({ type: 'createTeam', name: 'Platform\u2067' });
    expect(firstMessage(parsed)).toBe(BIDI_TEAM_NAME_MESSAGE);
    expect(messageSchema.safeParse({ type: 'createTeam', name: 'Platform' }).success).toBe(true);
  });
});
