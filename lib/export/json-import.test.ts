import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { parseHlc } from '../clock/hlc';
import { clockItem } from '../db/meta-items';
import { StorageFullError } from '../incidents/errors';
import { addNote, declareIncident } from '../incidents/operations';
import { removeScreenshot, sha256Hex } from '../incidents/screenshots';
import { bytesToBase64 } from './base64';
import type { ExportFile } from './export-file';
import { buildExport, exportJson } from './json-export';
import { ImportRefusedError, importJson } from './json-import';
import { deviceWithHistory, IMAGE_BYTES, screenshot, snapshot, type TestContext } from '../../test/support/device-history';

async function refusal(ctx: TestContext, text: string): Promise<string> {
  const before = await snapshot(ctx);
  const clock = await ctx.db.meta.get(clockItem.key);
  const error = await importJson(ctx.db, text, { now: ctx.now }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefusedError);
  // Nothing changed: not the log, not the projection, not the images, not the clock.
  expect(await snapshot(ctx)).toEqual(before);
  expect(await ctx.db.meta.get(clockItem.key)).toEqual(clock);
  return (error as Error).message;
}

async function exported(ctx: TestContext): Promise<ExportFile> {
  return JSON.parse(await exportJson(ctx.db, { includeImages: true })) as ExportFile;
}

describe('importJson', () => {
  it('round-trips: a fresh device ends with the same events, incidents and images', async () => {
    const { ctx } = await deviceWithHistory();
    const text = await exportJson(ctx.db, { includeImages: true });

    const fresh = makeContext({ actor: LAWRENCE });
    const result = await importJson(fresh.db, text, { now: fresh.now });
    const eventCount = await ctx.db.events.count();
    expect(result).toEqual({ added: eventCount, skipped: 0, images: 1 });
    expect(await snapshot(fresh)).toEqual(await snapshot(ctx));
  });

  it('is idempotent: a second import adds nothing', async () => {
    const { ctx } = await deviceWithHistory();
    const text = await exportJson(ctx.db, { includeImages: true });
    const fresh = makeContext();
    await importJson(fresh.db, text, { now: fresh.now });
    const after = await snapshot(fresh);

    const again = await importJson(fresh.db, text, { now: fresh.now });
    expect(again).toEqual({ added: 0, skipped: after.events.length, images: 0 });
    expect(await snapshot(fresh)).toEqual(after);
  });

  it('merges into a device with its own incidents, keeping both', async () => {
    const { ctx } = await deviceWithHistory();
    const text = await exportJson(ctx.db, { includeImages: false });
    const other = makeContext({ actor: LAWRENCE });
    const mine = await declareIncident(other, { title: 'VPN flapping' });

    const result = await importJson(other.db, text, { now: other.now });
    expect(result.images).toBe(0);
    expect((await other.db.incidents.toArray()).map((i) => i.title).sort()).toEqual(['Checkout 500s', 'Slow search', 'VPN flapping']);
    expect((await other.db.incidents.get(mine.id))?.eventCount).toBe(1);
  });

  it('queues imported local-only events like local work, so the incident can be shared into a team later', async () => {
    const { ctx } = await deviceWithHistory();
    const fresh = makeContext();
    await importJson(fresh.db, await exportJson(ctx.db, { includeImages: true }), { now: fresh.now });
    const queued = await fresh.db.outbox.toArray();
    expect(queued).toHaveLength(await fresh.db.events.count());
    expect(queued.every((o) => o.teamId === undefined && o.authorId === ctx.actor.userId)).toBe(true);
  });

  it("does not queue a team's imported events: they are already on the team's server", async () => {
    const team = makeContext({ teamId: '0190a000-0000-7000-8000-0000000000a1' });
    await declareIncident(team, { title: 'Published already' });
    const fresh = makeContext();
    await importJson(fresh.db, await exportJson(team.db, { includeImages: true }), { now: fresh.now });
    expect(await fresh.db.events.count()).toBe(1);
    expect(await fresh.db.outbox.count()).toBe(0);
  });

  it('advances the clock past the imported events, so the next local change sorts after them', async () => {
    const { ctx, search } = await deviceWithHistory();
    ctx.advance(3_600_000); // the exporting device's clock is an hour ahead of the importing one
    await addNote(ctx, search.id, { text: 'Latest word' });
    const text = await exportJson(ctx.db, { includeImages: false });
    const latest = (JSON.parse(text) as ExportFile).events.at(-1)!;

    const behind = makeContext();
    await importJson(behind.db, text, { now: behind.now });
    expect(String((await behind.db.meta.get(clockItem.key))?.value) > latest.hlc).toBe(true);
    await addNote(behind, search.id, { text: 'Seen here after' });
    const note = (await behind.db.events.toArray()).find((e) => e.kind === 'note' && e.body.text === 'Seen here after')!;
    expect(parseHlc(note.hlc).wall).toBeGreaterThanOrEqual(parseHlc(latest.hlc).wall);
    expect(note.hlc > latest.hlc).toBe(true);
  });

  it('never brings back a screenshot redacted on this device', async () => {
    // An export made before the redaction, imported after it.
    const ctx = makeContext();
    const incident = await declareIncident(ctx, { title: 'Leaky page' });
    const shot = await screenshot(ctx, incident.id);
    const older = await exportJson(ctx.db, { includeImages: true });
    await removeScreenshot(ctx, incident.id, shot.eventId);

    const result = await importJson(ctx.db, older, { now: ctx.now });
    expect(result).toMatchObject({ added: 0, images: 0 });
    expect(await ctx.db.blobs.count()).toBe(0);
    const event = await ctx.db.events.get(shot.eventId);
    expect(event?.kind === 'screenshot' && event.body.thumbnail).toBe('');
  });

  describe('refuses, with one sentence, and changes nothing', () => {
    async function target() {
      const { ctx } = await deviceWithHistory(makeContext({ actor: LAWRENCE }));
      return ctx;
    }

    it('a truncated file', async () => {
      const { ctx } = await deviceWithHistory();
      const text = await exportJson(ctx.db, { includeImages: true });
      expect(await refusal(await target(), text.slice(0, text.length / 2))).toBe(
        'This file is not valid JSON (it may be cut short or damaged), so nothing was imported.',
      );
    });

    it.each([
      ['{"name":"incident-capture","version":"0.1.0"}'],
      ['[1, 2, 3]'],
      ['null'],
      ['"incident-capture-export"'],
    ])('a JSON file that is not an export: %s', async (text) => {
      expect(await refusal(await target(), text)).toBe('This is not an Incident Capture export file, so nothing was imported.');
    });

    it('an export from a newer version', async () => {
      const { ctx } = await deviceWithHistory();
      const file = { ...(await exported(ctx)), version: 2 };
      expect(await refusal(await target(), JSON.stringify(file))).toBe(
        'This export is format version 2, newer than this extension can read, so nothing was imported; update the extension and try again.',
      );
    });

    it('an event with a bad body, saying which', async () => {
      const { ctx } = await deviceWithHistory();
      const file = await exported(ctx);
      const bad = file.events[2]!;
      file.events[2] = { ...bad, kind: 'title_changed', body: { title: '' } } as (typeof file.events)[number];
      expect(await refusal(await target(), JSON.stringify(file))).toBe(
        'Event 3 is not valid (body.title: Give the incident a title), so nothing was imported.',
      );
    });

    it('an event of a kind it does not know', async () => {
      const { ctx } = await deviceWithHistory();
      const file = await exported(ctx);
      (file.events[0] as { kind: string }).kind = 'deleted';
      expect(await refusal(await target(), JSON.stringify(file))).toMatch(/^Event 1 is not valid \(kind: .+\), so nothing was imported\.$/);
    });

    it('an entry that is not an event at all, or a file missing its events', async () => {
      const header = { format: 'incident-capture-export', version: 1, exportedAt: '2026-11-26T09:00:00.000Z' };
      expect(await refusal(await target(), JSON.stringify({ ...header, events: [42], screenshots: [] }))).toMatch(
        /^Event 1 is not valid \(the event: .+\), so nothing was imported\.$/,
      );
      expect(await refusal(await target(), JSON.stringify({ ...header, screenshots: [] }))).toMatch(
        /^This export file is not valid \(events: .+\), so nothing was imported\.$/,
      );
    });

    it('the same event id twice', async () => {
      const { ctx } = await deviceWithHistory();
      const file = await exported(ctx);
      file.events.push({ ...file.events[1]!, hlc: file.events.at(-1)!.hlc.replace(/-\d{5}-/, '-00099-') });
      expect(await refusal(await target(), JSON.stringify(file))).toBe(
        `Event ${file.events.length} has the same id as event 2, so nothing was imported.`,
      );
    });

    it('an event stamped far in the future', async () => {
      const ctx = await target();
      const other = makeContext();
      other.advance(3 * 86_400_000);
      await declareIncident(other, { title: 'From the future' });
      expect(await refusal(ctx, await exportJson(other.db, { includeImages: false }))).toMatch(
        /^Event 1 is stamped more than a day in the future/,
      );
    });

    it('a tampered image (its bytes no longer match the SHA-256)', async () => {
      const { ctx } = await deviceWithHistory();
      const file = await exported(ctx);
      const tampered = new TextEncoder().encode(IMAGE_BYTES.replace('bytes', 'BYTES'));
      file.screenshots[0]!.data = bytesToBase64(tampered);
      expect(await refusal(await target(), JSON.stringify(file))).toBe(
        'Image 1 does not match its SHA-256 hash (the file was changed or damaged), so nothing was imported.',
      );
    });

    it('an image re-hashed to match itself but not the hash its screenshot event recorded', async () => {
      const { ctx } = await deviceWithHistory();
      const file = await exported(ctx);
      const swapped = new Blob(['another picture']);
      Object.assign(file.screenshots[0]!, {
        data: bytesToBase64(new Uint8Array(await swapped.arrayBuffer())),
        sha256: await sha256Hex(swapped),
        byteLength: swapped.size,
      });
      expect(await refusal(await target(), JSON.stringify(file))).toMatch(/^Image 1 does not match its SHA-256 hash/);
    });

    it('an image that is not base64', async () => {
      const { ctx } = await deviceWithHistory();
      const file = await exported(ctx);
      file.screenshots[0]!.data = 'not base64!';
      expect(await refusal(await target(), JSON.stringify(file))).toBe(
        'Image 1 is not valid (data: Not base64), so nothing was imported.',
      );
    });
  });

  it('leaves nothing half-imported when the disk is full, and says so', async () => {
    const { ctx } = await deviceWithHistory();
    const text = await exportJson(ctx.db, { includeImages: true });
    const full = await deviceWithHistory(makeContext({ actor: LAWRENCE }));
    const before = await snapshot(full.ctx);
    const clock = await full.ctx.db.meta.get(clockItem.key);
    full.ctx.db.events.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const error = await importJson(full.ctx.db, text, { now: full.ctx.now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(new StorageFullError().message);
    expect(await snapshot(full.ctx)).toEqual(before);
    expect(await full.ctx.db.meta.get(clockItem.key)).toEqual(clock);
  });

  it('imports an export made without images: events in, images left for later', async () => {
    const { ctx } = await deviceWithHistory();
    const fresh = makeContext();
    const result = await importJson(fresh.db, JSON.stringify(await buildExport(ctx.db, { includeImages: false })), { now: fresh.now });
    expect(result.images).toBe(0);
    expect(await fresh.db.blobs.count()).toBe(0);
    expect(await fresh.db.incidents.count()).toBe(2);
  });
});
