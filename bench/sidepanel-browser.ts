// Chromium with a copy of the built extension, a profile, and the bench data
// written straight into the extension's IndexedDB (bench/sidepanel.run.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { incidentFacts } from '../lib/insights/facts';
import { putStoredRows } from '../test/e2e/seed';
import { launchWithExtension, type ExtensionSession } from '../test/support/chromium.mjs';
import type { BenchBatch, BenchData, Person } from './sidepanel-data';
import { within } from './wait.mjs';

export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const DB_NAME = 'incident-capture';
/** A side panel is a tall, narrow window. */
export const VIEWPORT = { width: 400, height: 900 };

/** What seeding wrote, and what it cost on disk (null when the profile was kept from an earlier run). */
export interface SeedReport {
  events: number;
  incidents: number;
  /** navigator.storage.estimate().usage in an extension page, before and after seeding (bytes). */
  estimate: { before: number; after: number } | null;
  /** `du -sb` of the profile's IndexedDB directory for the extension's origin, before and after (bytes). */
  du: { before: number; after: number } | null;
}

export interface SidePanelBench {
  session: ExtensionSession;
  seeded: SeedReport;
  close(): Promise<void>;
}

/** Writes rows into one object store with raw IndexedDB, in one transaction (test/e2e/seed.ts putStoredRows). */
function putRows(page: Page, store: string, rows: readonly unknown[]): Promise<void> {
  return within(`writing ${rows.length} rows into ${store}`, 120_000, putStoredRows(page, store, rows));
}

export function countRows(page: Page): Promise<{ events: number; incidents: number }> {
  return within('counting the seeded events and incidents', 60_000, page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const count = (store: string) =>
      new Promise<number>((ok) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => ok(r.result);
      });
    const result = { events: await count('events'), incidents: await count('incidents') };
    db.close();
    return result;
  }, DB_NAME));
}

const estimateUsage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/** The extension origin's IndexedDB directory in a Chromium profile (LevelDB files and blobs). */
function indexedDbBytes(userDataDir: string, extensionId: string): number {
  const root = join(userDataDir, 'Default', 'IndexedDB');
  if (!existsSync(root)) return 0;
  const dirs = readdirSync(root).filter((d) => d.startsWith(`chrome-extension_${extensionId}_`));
  return dirs.reduce((sum, d) => sum + Number(execFileSync('du', ['-sb', join(root, d)], { encoding: 'utf8' }).split('\t')[0]), 0);
}

/** Where the data comes from: one batch (the whole data) or a stream of batches (issue 13's million events). */
export type BenchSource = BenchData | { me: Person; batches: Iterable<BenchBatch>; expected?: { events: number; incidents: number } };

/**
 * Launches Chromium with a copy of the E2E build plus two bare pages (a blank
 * document, and one plain input; `pages` adds others) for floors, sets the profile, lets Dexie
 * create the database by opening the side panel once, then writes the events,
 * projection rows and their Insights facts (lib/insights/facts.ts) in chunks,
 * batch by batch.
 *
 * With `keep` (a directory), the extension copy and the profile live there and
 * survive the run: a second run with the same directory finds `seeded.json`
 * and skips seeding (a million events take minutes to write). The extension
 * is copied afresh each time at the same path, so its id and origin — and so
 * its IndexedDB — stay the same.
 */
export async function startSidePanelBench(
  source: BenchSource,
  {
    pages = {},
    viewport = VIEWPORT,
    keep,
    onWritten,
  }: { pages?: Record<string, string>; viewport?: { width: number; height: number }; keep?: string; onWritten?: (so: { events: number; incidents: number }) => void } = {},
): Promise<SidePanelBench> {
  const dir = keep ? join(keep, 'extension') : mkdtempSync(join(tmpdir(), 'bench-sidepanel-'));
  const userDataDir = keep ? join(keep, 'profile') : undefined;
  const marker = keep ? join(keep, 'seeded.json') : undefined;
  if (keep) {
    rmSync(dir, { recursive: true, force: true });
    // A profile without the marker was cut off while seeding: start it again.
    if (!existsSync(marker!)) rmSync(userDataDir!, { recursive: true, force: true });
    mkdirSync(userDataDir!, { recursive: true });
  }
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><html lang="en"><title>blank</title><body></body></html>');
  writeFileSync(join(dir, 'bench-input.html'), '<!doctype html><html lang="en"><title>input</title><body><input type="search"><ul></ul></body></html>');
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  let session: ExtensionSession;
  try {
    session = await launchWithExtension(dir, { viewport, ...(userDataDir ? { userDataDir } : {}) });
  } catch (error) {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await session.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (marker && existsSync(marker)) {
      const seeded = JSON.parse(readFileSync(marker, 'utf8')) as SeedReport;
      return { session, seeded: { ...seeded, estimate: null, du: null }, close };
    }
    await session.worker.evaluate(async (me) => {
      await chrome.storage.local.set({ profile: { userId: me.id, displayName: me.name } });
    }, source.me);
    const setup = await session.context.newPage();
    await setup.goto(session.url('sidepanel.html'));
    await setup.getByText('No incidents yet.').waitFor({ timeout: 30_000 });
    const before = { estimate: await estimateUsage(setup), du: indexedDbBytes(session.userDataDir, session.extensionId) };
    const batches = 'batches' in source ? source.batches : [source];
    const written = { events: 0, incidents: 0 };
    for (const batch of batches) {
      for (let i = 0; i < batch.events.length; i += 5_000) await putRows(setup, 'events', batch.events.slice(i, i + 5_000));
      for (let i = 0; i < batch.incidents.length; i += 500) {
        const rows = batch.incidents.slice(i, i + 500);
        await putRows(setup, 'incidents', rows);
        await putRows(setup, 'facts', rows.map(incidentFacts));
      }
      written.events += batch.events.length;
      written.incidents += batch.incidents.length;
      onWritten?.(written);
    }
    const counts = await countRows(setup);
    if (counts.events !== written.events || counts.incidents !== written.incidents) {
      throw new Error(`Seeding wrote ${JSON.stringify(counts)}, expected ${written.events} events and ${written.incidents} incidents`);
    }
    const after = { estimate: await estimateUsage(setup), du: indexedDbBytes(session.userDataDir, session.extensionId) };
    await setup.close();
    const seeded: SeedReport = {
      ...written,
      estimate: { before: before.estimate, after: after.estimate },
      du: { before: before.du, after: after.du },
    };
    if (marker) writeFileSync(marker, JSON.stringify(seeded));
    return { session, seeded, close };
  } catch (error) {
    await close();
    throw error;
  }
}
