import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../../test/support/device-history';
import { makeContext } from '../../test/support/domain';
import { packBytes } from '../../test/support/evidence-pack';
import { incidentNumbers } from '../db/meta-items';
import { ValidationError } from '../incidents/errors';
import { addNote, declareIncident, resolveIncident } from '../incidents/operations';
import { removeScreenshot } from '../incidents/screenshots';
import { compareEvents, type IncidentEvent } from '../model/event';
import { buildEvidencePack, type PackProgress } from './build-pack';
import { manifestSchema } from './pack-format';
import { verifyPack } from './verify-pack';

const DAY = 86_400_000;
const manifestOf = (files: Record<string, Uint8Array>) => manifestSchema.parse(JSON.parse(strFromU8(files['MANIFEST.json']!)));
const eventsOf = (files: Record<string, Uint8Array>) =>
  (JSON.parse(strFromU8(files['events.json']!)) as { events: { event: IncidentEvent; hash: string }[] }).events;

describe('buildEvidencePack', () => {
  it('packs the register, a report per incident with its screenshots, the chained events and a manifest that verifies', async () => {
    const ctx = makeContext();
    const checkout = await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major' });
    await ctx.db.meta.put({ key: incidentNumbers.key(checkout.id), value: 12 });
    ctx.advance(60_000);
    const search = await declareIncident(ctx, { title: 'Search slow', severity: 'minor' });
    ctx.advance(60_000);
    // Interleaved across incidents: the chain follows the log's (hlc, id) order, not incident by incident.
    await addNote(ctx, checkout.id, { text: 'Rolled back deploy 412' });
    ctx.advance(1_000);
    await addNote(ctx, search.id, { text: 'Index rebuilding' });
    ctx.advance(1_000);
    const shot = await screenshot(ctx, checkout.id, 'webp-bytes');
    await resolveIncident(ctx, checkout.id, 'fixed');

    const { bytes, summary } = await packBytes(ctx.db, { now: ctx.now });
    const verdict = verifyPack(bytes);
    expect(verdict).toEqual({ ok: true, files: summary.files, events: 6, head: summary.head });

    const files = unzipSync(bytes);
    const searchFolder = `incidents/${search.id.replace(/-/g, '').slice(-8)}`;
    const image = `incidents/INC-12/screenshots/${shot.eventId}.webp`;
    // Written in this order, the manifest last; an incident's images before its report (which links them).
    expect(Object.keys(files)).toEqual([
      'VERIFY.md',
      'register.csv',
      image,
      'incidents/INC-12/report.md',
      `${searchFolder}/report.md`,
      'events.json',
      'MANIFEST.json',
    ]);
    expect(strFromU8(files[image]!)).toBe('webp-bytes');
    expect(strFromU8(files['incidents/INC-12/report.md']!)).toContain(`[image](screenshots/${shot.eventId}.webp)`);
    const csv = strFromU8(files['register.csv']!).split('\r\n');
    expect(csv[1]).toMatch(/^INC-12,Checkout 500s,major,/);
    expect(csv).toHaveLength(4); // header, two rows, and the empty string after the last CRLF

    const manifest = manifestOf(files);
    expect(manifest).toMatchObject({ extensionVersion: '0.1.0-test', createdAt: new Date(ctx.now()).toISOString(), incidents: 2 });
    expect(manifest.files.map((f) => f.path)).toEqual(Object.keys(files).filter((p) => p !== 'MANIFEST.json'));
    for (const f of manifest.files) {
      expect(f.bytes).toBe(files[f.path]!.length);
      expect(f.sha256).toBe(createHash('sha256').update(files[f.path]!).digest('hex'));
    }
    const stored = await ctx.db.events.toArray();
    expect(eventsOf(files).map((e) => e.event)).toEqual(stored.sort(compareEvents));
  });

  it('chains as VERIFY.md says: recomputed here with node:crypto, not the pack code', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major' });
    await addNote(ctx, id, { text: 'Ünïcode “quotes” and a\nline break' });
    const { bytes, summary } = await packBytes(ctx.db);
    const files = unzipSync(bytes);
    const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    let h = sha('incident-capture evidence chain v1');
    for (const line of strFromU8(files['events.json']!).split('\n').slice(1, -2)) {
      const canonical = /^\{"event":(.*),"hash":"[0-9a-f]{64}"\},?$/.exec(line)![1]!;
      h = sha(`${h}\n${canonical}`);
      expect(line).toContain(`"hash":"${h}"`);
    }
    expect(h).toBe(summary.head);
    expect(manifestOf(files).chain).toMatchObject({ head: h, events: 2 });
  });

  it('leaves redacted screenshots out: no image, no link', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Checkout 500s' });
    const kept = await screenshot(ctx, id, 'kept');
    const hidden = await screenshot(ctx, id, 'secret', 'Customer record');
    await removeScreenshot(ctx, id, hidden.eventId);

    const { bytes } = await packBytes(ctx.db);
    expect(verifyPack(bytes).ok).toBe(true);
    const files = unzipSync(bytes);
    const paths = Object.keys(files);
    expect(paths.filter((p) => p.includes('/screenshots/'))).toEqual([expect.stringContaining(kept.eventId)]);
    expect(paths.join()).not.toContain(hidden.eventId);
    const report = strFromU8(files[paths.find((p) => p.endsWith('report.md'))!]!);
    expect(report).toContain(kept.eventId);
    expect(report).not.toContain(hidden.eventId);
    expect(report).not.toContain('Customer record');
  });

  it('filters by declared day (UTC, inclusive) and Major only: other incidents leave with their events and images', async () => {
    const ctx = makeContext(); // 2026-11-26 09:00 UTC
    const early = await declareIncident(ctx, { title: 'Early major', severity: 'major' });
    await screenshot(ctx, early.id, 'early');
    ctx.advance(DAY);
    const minor = await declareIncident(ctx, { title: 'Minor in range' });
    const minorShot = await screenshot(ctx, minor.id, 'minor');
    const major = await declareIncident(ctx, { title: 'Major in range', severity: 'major' });
    const majorShot = await screenshot(ctx, major.id, 'major');
    ctx.advance(DAY);
    const late = await declareIncident(ctx, { title: 'Late major', severity: 'major' });
    await addNote(ctx, early.id, { text: 'A later note on the early incident' });

    const pack = async (filter: { declaredFrom: string | null; declaredTo: string | null; majorOnly: boolean }) => {
      const { bytes } = await packBytes(ctx.db, { filter });
      expect(verifyPack(bytes).ok).toBe(true);
      const files = unzipSync(bytes);
      return {
        incidents: [...new Set(eventsOf(files).map((e) => e.event.incidentId))].sort(),
        images: Object.keys(files).filter((p) => p.includes('/screenshots/')).map((p) => p.split('/').at(-1)!.split('.')[0]),
        rows: strFromU8(files['register.csv']!).split('\r\n').length - 2,
        manifest: manifestOf(files),
      };
    };

    const day = await pack({ declaredFrom: '2026-11-27', declaredTo: '2026-11-27', majorOnly: false });
    expect(day.incidents).toEqual([minor.id, major.id].sort());
    expect(day.images.sort()).toEqual([minorShot.eventId, majorShot.eventId].sort());
    expect(day.rows).toBe(2);
    expect(day.manifest.filters).toEqual({ declaredFrom: '2026-11-27', declaredTo: '2026-11-27', majorOnly: false });

    const majors = await pack({ declaredFrom: '2026-11-27', declaredTo: null, majorOnly: true });
    expect(majors.incidents).toEqual([major.id, late.id].sort());
    expect(majors.images).toEqual([majorShot.eventId]);
    expect(majors.rows).toBe(2);
    expect(majors.manifest.incidents).toBe(2);

    const none = await pack({ declaredFrom: '2025-01-01', declaredTo: '2025-12-31', majorOnly: false });
    expect(none).toMatchObject({ incidents: [], images: [], rows: 0 });
  });

  it('makes a valid pack from an empty device: no events, the chain head is the genesis hash', async () => {
    const ctx = makeContext();
    const { bytes, summary } = await packBytes(ctx.db);
    const verdict = verifyPack(bytes);
    expect(verdict).toEqual({ ok: true, files: 4, events: 0, head: createHash('sha256').update('incident-capture evidence chain v1').digest('hex') });
    expect(summary).toMatchObject({ incidents: 0, screenshots: 0, events: 0 });
  });

  it('tells its progress incident by incident, then events', async () => {
    const ctx = makeContext();
    for (let i = 0; i < 3; i++) await declareIncident(ctx, { title: `Incident ${i}` });
    const seen: PackProgress[] = [];
    await packBytes(ctx.db, { onProgress: (p) => seen.push(p) });
    expect(seen.filter((p) => p.phase === 'incidents').map((p) => p.message)).toEqual([
      'Packing incident 1 of 3',
      'Packing incident 2 of 3',
      'Packing incident 3 of 3',
    ]);
    expect(seen.at(-1)).toMatchObject({ phase: 'events', done: 3, total: 3, message: 'Writing events 3 of 3' });
  });

  it('refuses a start date after the end date, or a day that does not exist, and writes nothing', async () => {
    const ctx = makeContext();
    const chunks: Uint8Array[] = [];
    const build = (declaredFrom: string, declaredTo: string) =>
      buildEvidencePack(ctx.db, { write: (c) => void chunks.push(c) }, { filter: { declaredFrom, declaredTo, majorOnly: false }, extensionVersion: '1' });
    await expect(build('2026-11-27', '2026-11-26')).rejects.toThrow(new ValidationError('The start date is after the end date.'));
    await expect(build('2026-02-31', '2026-03-01')).rejects.toThrow('The start date 2026-02-31 is not a day of the calendar.');
    await expect(build('26/11/2026', '2026-03-01')).rejects.toThrow('Choose the dates as YYYY-MM-DD, or leave them empty.');
    expect(chunks).toEqual([]);
  });
});
