import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../../test/support/device-history';
import { makeContext } from '../../test/support/domain';
import { packBytes } from '../../test/support/evidence-pack';
import { addNote, declareIncident } from '../incidents/operations';
import { verifyPack } from './verify-pack';

/** A pack of one incident with four events and one screenshot. */
async function samplePack() {
  const ctx = makeContext();
  const { id } = await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major' });
  await addNote(ctx, id, { text: 'Rolled back deploy 412' });
  await addNote(ctx, id, { text: 'Errors back to normal' });
  const shot = await screenshot(ctx, id, 'the-image-bytes-0123456789');
  const { bytes } = await packBytes(ctx.db);
  return { bytes, files: unzipSync(bytes), shotId: shot.eventId };
}

const rezip = (files: Record<string, Uint8Array>) => zipSync(files as Zippable);
const eventLines = (files: Record<string, Uint8Array>) => strFromU8(files['events.json']!).split('\n');
const withEventLines = (files: Record<string, Uint8Array>, lines: string[]) => rezip({ ...files, 'events.json': strToU8(lines.join('\n')) });
const idAt = (line: string) => /"hlc":"[^"]*","id":"([^"]+)"/.exec(line)![1]!;

describe('verifyPack', () => {
  it('accepts the pack as written', async () => {
    const { bytes } = await samplePack();
    expect(verifyPack(bytes)).toMatchObject({ ok: true, files: 6, events: 4 });
  });

  it('names the event when one byte of it is changed in events.json', async () => {
    const { files } = await samplePack();
    const lines = eventLines(files);
    lines[2] = lines[2]!.replace('Rolled back', 'Rolled bock');
    expect(verifyPack(withEventLines(files, lines))).toEqual({
      ok: false,
      reason: 'mismatch',
      problem: `events.json: event 1 (id ${idAt(lines[2])}) does not match its chain hash: it, or an event before it, was changed, removed or moved.`,
    });
  });

  it('names the event when one byte breaks its JSON', async () => {
    const { files } = await samplePack();
    const lines = eventLines(files);
    lines[3] = lines[3]!.replace('{"event":{', '{"event":[');
    expect(verifyPack(withEventLines(files, lines))).toMatchObject({ ok: false, problem: `events.json: event 2 (id ${idAt(lines[3])}) is not valid JSON.` });
  });

  it('breaks the chain where an event is removed or two are swapped', async () => {
    const { files } = await samplePack();
    const lines = eventLines(files); // [head, e0, e1, e2, e3, tail, '']
    const removed = [...lines.slice(0, 2), ...lines.slice(3)];
    expect(verifyPack(withEventLines(files, removed))).toMatchObject({ ok: false, problem: expect.stringContaining(`event 1 (id ${idAt(lines[3]!)})`) });
    const swapped = [lines[0]!, lines[1]!, lines[3]!, lines[2]!, ...lines.slice(4)];
    expect(verifyPack(withEventLines(files, swapped))).toMatchObject({ ok: false, problem: expect.stringContaining(`event 1 (id ${idAt(lines[3]!)})`) });
  });

  it('notices a chain cut short at its end against the manifest', async () => {
    const { files } = await samplePack();
    const lines = eventLines(files);
    const shorter = [lines[0]!, lines[1]!, lines[2]!, lines[3]!.replace(/,$/, ''), ']}', ''];
    expect(verifyPack(withEventLines(files, shorter))).toMatchObject({ ok: false, problem: 'events.json holds 3 events; MANIFEST.json says 4.' });
  });

  it('names the image when one byte of it is changed inside the zip', async () => {
    const { bytes, shotId } = await samplePack();
    const at = Buffer.from(bytes).indexOf('the-image-bytes-0123456789');
    expect(at).toBeGreaterThan(0); // stored as it is (ZipPassThrough), so found verbatim
    const edited = bytes.slice();
    edited[at + 4] = 'X'.charCodeAt(0);
    expect(verifyPack(edited)).toEqual({
      ok: false,
      reason: 'mismatch',
      problem: expect.stringMatching(new RegExp(`^incidents/[0-9a-f]{8}/screenshots/${shotId}\\.webp does not match its SHA-256 in MANIFEST\\.json\\.$`)),
    });
  });

  it('names an image whose manifest entry was rewritten to match but not its capture hash', async () => {
    const { files, shotId } = await samplePack();
    const path = Object.keys(files).find((p) => p.includes(shotId))!;
    const image = strToU8('the-image-bytes-012345678X');
    const { createHash } = await import('node:crypto');
    const manifest = JSON.parse(strFromU8(files['MANIFEST.json']!)) as { files: { path: string; sha256: string }[] };
    manifest.files.find((f) => f.path === path)!.sha256 = createHash('sha256').update(image).digest('hex');
    const edited = rezip({ ...files, [path]: image, 'MANIFEST.json': strToU8(JSON.stringify(manifest)) });
    expect(verifyPack(edited)).toMatchObject({ ok: false, problem: `${path} does not match the SHA-256 its screenshot event recorded at capture.` });
  });

  it('names a file added to the zip, and one listed but missing', async () => {
    const { files } = await samplePack();
    expect(verifyPack(rezip({ ...files, 'extra.txt': strToU8('hello') }))).toMatchObject({
      ok: false,
      problem: 'extra.txt is in the zip but not listed in MANIFEST.json.',
    });
    const { 'register.csv': _register, ...rest } = files;
    expect(verifyPack(rezip(rest))).toMatchObject({ ok: false, problem: 'register.csv is listed in MANIFEST.json but missing from the zip.' });
  });

  it('says clearly when the file is not a zip, is damaged, or is a zip but not a pack', async () => {
    const { bytes, files } = await samplePack();
    expect(verifyPack(strToU8('just some text'))).toMatchObject({ ok: false, reason: 'unreadable', problem: expect.stringMatching(/^This file is not a zip archive, or it is damaged/) });
    expect(verifyPack(bytes.slice(0, bytes.length - 30))).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(verifyPack(rezip({ 'a.txt': strToU8('a') }))).toMatchObject({
      ok: false,
      reason: 'unreadable',
      problem: 'MANIFEST.json is missing: this zip is not an evidence pack.',
    });
    expect(verifyPack(rezip({ ...files, 'MANIFEST.json': strToU8('{"format":"x"}') }))).toMatchObject({
      ok: false,
      reason: 'mismatch',
      problem: expect.stringMatching(/^MANIFEST\.json is not a pack manifest: format: /),
    });
  });
});
