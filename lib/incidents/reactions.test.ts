import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { addNote, declareIncident, react } from './operations';
import { readTimeline } from './queries';
import { foldReactions } from './reactions';

describe('foldReactions', () => {
  it('counts each person once per emoji and lets them take it back', async () => {
    const ctx = makeContext();
    const lawrence = { ...ctx, actor: LAWRENCE };
    const { id } = await declareIncident(ctx, { title: 'Reacted' });
    const withNote = await addNote(ctx, id, { text: 'found it' });
    const note = (await readTimeline(ctx.db, withNote.id)).find((e) => e.kind === 'note')!;
    await react(ctx, id, note.id, '🎉', true);
    await react(lawrence, id, note.id, '🎉', true);
    await react(lawrence, id, note.id, '🎉', true);
    await react(lawrence, id, note.id, '👀', true);
    await react(lawrence, id, note.id, '👀', false);
    const reactions = foldReactions(await readTimeline(ctx.db, id)).get(note.id)!;
    expect(reactions.get('🎉')?.size).toBe(2);
    expect(reactions.get('👀')?.size).toBe(0);
  });
});
