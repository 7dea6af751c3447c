import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { packBytes } from '../../test/support/evidence-pack';
import { addNote, declareIncident } from '../incidents/operations';
import { verifyPackCli } from './verify-pack-cli';

async function writtenPack() {
  const ctx = makeContext();
  const { id } = await declareIncident(ctx, { title: 'Checkout 500s' });
  await addNote(ctx, id, { text: 'Rolled back deploy 412' });
  const { bytes, summary } = await packBytes(ctx.db);
  const dir = await mkdtemp(join(tmpdir(), 'evidence-pack-'));
  const good = join(dir, 'pack.zip');
  await writeFile(good, bytes);
  const bad = join(dir, 'edited.zip');
  const files = unzipSync(bytes);
  // Byte for byte (a TextDecoder would drop the register's byte order mark).
  const register = Buffer.from(files['register.csv']!);
  register[register.indexOf('Checkout') + 6] = 'v'.charCodeAt(0);
  const edited = zipSync({ ...files, 'register.csv': new Uint8Array(register) });
  await writeFile(bad, edited);
  return { dir, good, bad, summary };
}

const io = () => {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    io: {
      readFile: async (path: string) => new Uint8Array(await readFile(path)),
      out: (l: string) => void lines.out.push(l),
      err: (l: string) => void lines.err.push(l),
    },
  };
};

describe('verifyPackCli', () => {
  it('exits 0 with the counts and the chain head for a good pack, 2 for a file that is missing, not a zip, or not given', async () => {
    const { dir, good, summary } = await writtenPack();
    const ok = io();
    expect(await verifyPackCli(['--', good], ok.io)).toBe(0);
    expect(ok.lines.out).toEqual([`Pack verified: 5 files, 2 events, chain head ${summary.head}`]);

    const notZip = join(dir, 'notes.txt');
    await writeFile(notZip, 'not a zip');
    const unreadable = io();
    expect(await verifyPackCli([notZip], unreadable.io)).toBe(2);
    expect(unreadable.lines.err[0]).toMatch(/^Pack does not verify: This file is not a zip archive, or it is damaged/);

    const missing = io();
    expect(await verifyPackCli([join(dir, 'absent.zip')], missing.io)).toBe(2);
    expect(missing.lines.err[0]).toMatch(/^Cannot read .*absent\.zip: .*ENOENT/);

    const usage = io();
    expect(await verifyPackCli([], usage.io)).toBe(2);
    expect(usage.lines.err).toEqual(['Usage: npm run verify-pack -- <evidence-pack.zip>']);
  });

  it('runs as npm run verify-pack, exiting 1 and naming the file (one spawn: tsx takes seconds)', async () => {
    const { bad } = await writtenPack();
    const failed = await promisify(execFile)('npm', ['run', '--silent', 'verify-pack', '--', bad]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(failed).toEqual({ code: 1, stderr: 'Pack does not verify: register.csv does not match its SHA-256 in MANIFEST.json.\n' });
  }, 30_000);
});
