import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeContext } from '../../test/support/domain';
import { BIDI_NAME_MESSAGE } from '../model/text-direction';
import { loadProfile, profileStore } from '../profile/profile';
import { declareAsNewcomer } from './declare-as-newcomer';
import { StorageFullError, ValidationError } from './errors';

async function stored(ctx: ReturnType<typeof makeContext>) {
  return {
    profile: (await fakeBrowser.storage.local.get('profile')).profile ?? null,
    events: await ctx.db.events.count(),
    incidents: await ctx.db.incidents.count(),
    outbox: await ctx.db.outbox.count(),
  };
}
const nothing = { profile: null, events: 0, incidents: 0, outbox: 0 };

describe('declareAsNewcomer', () => {
  it('stores the name and the incident together, with me (that name) as lead', async () => {
    const ctx = makeContext();
    const { profile, incident } = await declareAsNewcomer(ctx, '  Sophie ', { title: 'Checkout 500s' }, profileStore);
    expect(profile.displayName).toBe('Sophie');
    expect(await loadProfile()).toEqual(profile);
    expect(incident).toMatchObject({ title: 'Checkout 500s', leadId: profile.userId, leadName: 'Sophie' });
    const [event] = await ctx.db.events.toArray();
    expect(event).toMatchObject({ authorId: profile.userId, kind: 'declared' });
  });

  it('keeps a lead chosen from the list', async () => {
    const ctx = makeContext();
    const lead = { id: '0190a000-0000-7000-8000-000000000009', name: 'Sam' };
    const { incident } = await declareAsNewcomer(ctx, 'Sophie', { title: 'Slow search', lead }, profileStore);
    expect(incident).toMatchObject({ leadId: lead.id, leadName: 'Sam' });
  });

  it.each([
    ['an empty name', '   ', /Enter a name/, 'displayName'],
    ['a name with text-direction controls', 'Sam \u202emaS', BIDI_NAME_MESSAGE, 'displayName'],
    ['a name too long', 'x'.repeat(101), /./, 'displayName'],
  ])('refuses %s and stores nothing', async (_, name, message, field) => {
    const ctx = makeContext();
    const error = await declareAsNewcomer(ctx, name, { title: 'Fine title' }, profileStore).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    if (error instanceof ValidationError) expect(error.field).toBe(field);
    expect(await stored(ctx)).toEqual(nothing);
  });

  it.each([
    ['an empty title', '  ', /Give the incident a title/],
    ['a title with a line break', 'one\ntwo', /control characters/],
    ['a title too long', 'x'.repeat(500), /characters or fewer/],
  ])('refuses %s before storing the name', async (_, title, message) => {
    const ctx = makeContext();
    const error = await declareAsNewcomer(ctx, 'Sophie', { title }, profileStore).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('title');
    expect((error as Error).message).toMatch(message);
    expect(await stored(ctx)).toEqual(nothing);
  });

  it('takes the name back when the incident cannot be written (a full disk)', async () => {
    const ctx = makeContext();
    ctx.db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await declareAsNewcomer(ctx, 'Sophie', { title: 'Database CPU at 100%' }, profileStore).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await stored(ctx)).toEqual(nothing);
  });

  it('restores a corrupt stored profile as it was on failure, and replaces it on success', async () => {
    const ctx = makeContext();
    const corrupt = { userId: 'not-a-uuid', displayName: 42 };
    await fakeBrowser.storage.local.set({ profile: corrupt });
    ctx.db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await declareAsNewcomer(ctx, 'Sophie', { title: 'Slow' }, profileStore).catch(() => undefined);
    expect((await fakeBrowser.storage.local.get('profile')).profile).toEqual(corrupt);
  });
});
