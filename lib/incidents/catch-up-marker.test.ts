import { describe, expect, it } from 'vitest';
import { lastSeenItems } from '../db/meta-items';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { screenshot } from '../../test/support/device-history';
import { markSeen, newestHlc, newSince, NOTHING_NEW } from './catch-up-marker';
import { addNote, declareIncident, react } from './operations';
import { readTimeline } from './queries';
import { removeScreenshot } from './screenshots';
import { timelineEntries } from './timeline-entries';

async function setUp() {
  const lawrence = makeContext({ actor: LAWRENCE });
  const me = makeContext({ db: lawrence.db });
  const { id } = await declareIncident(lawrence, { title: 'Checkout down' });
  await addNote(lawrence, id, { text: 'Seen before' });
  const rows = async () => timelineEntries(await readTimeline(me.db, id));
  const seen = newestHlc(await readTimeline(me.db, id))!;
  return { lawrence, me, id, rows, seen };
}

describe('newSince', () => {
  it('counts entries after the last-seen clock that someone else wrote, and points at the oldest', async () => {
    const { lawrence, me, id, rows, seen } = await setUp();
    expect(newSince(await rows(), seen, me.actor.userId)).toEqual(NOTHING_NEW);
    await addNote(me, id, { text: 'Mine: never new to me' });
    await addNote(lawrence, id, { text: 'New one' });
    const firstId = (await readTimeline(me.db, id)).at(-1)!.id;
    await addNote(lawrence, id, { text: 'Another' });
    await react(lawrence, id, firstId, '👍', true); // a reaction is not an entry of its own
    const shot = await screenshot(lawrence, id);
    await screenshot(lawrence, id, 'kept');
    await removeScreenshot(lawrence, id, shot.eventId); // the removal is an entry; the hidden screenshot is not
    expect(newSince(await rows(), seen, me.actor.userId)).toEqual({ count: 4, firstId });
    // The same log seen by Lawrence: my note is new to him, his are not.
    expect(newSince(await rows(), seen, LAWRENCE.userId).count).toBe(1);
  });

  it('shows no marker without a last-seen point (a first visit)', async () => {
    const { lawrence, id, rows, me } = await setUp();
    await addNote(lawrence, id, { text: 'New one' });
    expect(newSince(await rows(), undefined, me.actor.userId)).toEqual(NOTHING_NEW);
    expect(newSince(await rows(), null, me.actor.userId)).toEqual(NOTHING_NEW);
  });
});

describe('the last-seen point', () => {
  it('is stored per incident and only moves forward', async () => {
    const { lawrence, me, id, seen } = await setUp();
    expect(await lastSeenItems.get(me.db, id)).toBeUndefined();
    await markSeen(me.db, id, seen);
    expect(await lastSeenItems.get(me.db, id)).toBe(seen);
    await addNote(lawrence, id, { text: 'Later' });
    const later = newestHlc(await readTimeline(me.db, id))!;
    await markSeen(me.db, id, later);
    await markSeen(me.db, id, seen); // a stale panel
    expect(await lastSeenItems.get(me.db, id)).toBe(later);
    expect(await me.db.meta.get(`seen:${id}`)).toEqual({ key: `seen:${id}`, value: later });
  });

  it('reads a malformed row as none, so no marker shows, and a new mark replaces it', async () => {
    const { lawrence, me, id, rows, seen } = await setUp();
    await me.db.meta.put({ key: lastSeenItems.key(id), value: { hlc: seen } });
    expect(await lastSeenItems.get(me.db, id)).toBeUndefined();
    await addNote(lawrence, id, { text: 'New one' });
    expect(newSince(await rows(), await lastSeenItems.get(me.db, id), me.actor.userId)).toEqual(NOTHING_NEW);
    await markSeen(me.db, id, seen);
    expect(newSince(await rows(), await lastSeenItems.get(me.db, id), me.actor.userId).count).toBe(1);
  });
});
