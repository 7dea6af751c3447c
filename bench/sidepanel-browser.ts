// Chromium with a copy of the built extension, a profile, and the bench data
// written straight into the extension's IndexedDB (bench/sidepanel.run.ts).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { putStoredRows } from '../test/e2e/seed';
import { launchWithExtension, type ExtensionSession } from '../test/support/chromium.mjs';
import type { BenchData } from './sidepanel-data';
import { within } from './wait.mjs';

export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const DB_NAME = 'incident-capture';
/** A side panel is a tall, narrow window. */
export const VIEWPORT = { width: 400, height: 900 };

export interface SidePanelBench {
  session: ExtensionSession;
  close(): Promise<void>;
}

/** Writes rows into one object store with raw IndexedDB, in one transaction (test/e2e/fixtures.ts putStoredRows). */
function putRows(page: Page, store: string, rows: readonly unknown[]): Promise<void> {
  return within(`writing ${rows.length} rows into ${store}`, 60_000, putStoredRows(page, store, rows));
}

export function countRows(page: Page): Promise<{ events: number; incidents: number }> {
  return within('counting the seeded events and incidents', 30_000, page.evaluate(async (name) => {
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

/**
 * Launches Chromium with a copy of the E2E build plus two bare pages (a blank
 * document, and one plain input; `pages` adds others) for floors, sets the profile, lets Dexie
 * create the database by opening the side panel once, then writes the events
 * and projection rows in chunks.
 */
export async function startSidePanelBench(
  data: BenchData,
  { pages = {}, viewport = VIEWPORT }: { pages?: Record<string, string>; viewport?: { width: number; height: number } } = {},
): Promise<SidePanelBench> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sidepanel-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><html lang="en"><title>blank</title><body></body></html>');
  writeFileSync(join(dir, 'bench-input.html'), '<!doctype html><html lang="en"><title>input</title><body><input type="search"><ul></ul></body></html>');
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  let session: ExtensionSession;
  try {
    session = await launchWithExtension(dir, { viewport });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await session.worker.evaluate(async (me) => {
      await chrome.storage.local.set({ profile: { userId: me.id, displayName: me.name } });
    }, data.me);
    const setup = await session.context.newPage();
    await setup.goto(session.url('sidepanel.html'));
    await setup.getByText('No incidents yet.').waitFor({ timeout: 30_000 });
    for (let i = 0; i < data.events.length; i += 5_000) await putRows(setup, 'events', data.events.slice(i, i + 5_000));
    for (let i = 0; i < data.incidents.length; i += 500) await putRows(setup, 'incidents', data.incidents.slice(i, i + 500));
    const counts = await countRows(setup);
    if (counts.events !== data.events.length || counts.incidents !== data.incidents.length) {
      throw new Error(`Seeding wrote ${JSON.stringify(counts)}, expected ${data.events.length} events and ${data.incidents.length} incidents`);
    }
    await setup.close();
  } catch (error) {
    await close();
    throw error;
  }
  return { session, close };
}
