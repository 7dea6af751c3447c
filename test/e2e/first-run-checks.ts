import type { EvaluatesInPage } from './stored-evidence';

/** What a first run leaves behind: the stored profile and every stored incident's title and lead. */
export interface FirstRunState {
  profile: { userId: string; displayName: string } | null;
  incidents: { title: string; leadId: string; leadName: string }[];
}

/** Reads the profile (storage.local) and the incidents (IndexedDB) from an extension page; shared by both suites. */
export function storedFirstRun(page: EvaluatesInPage): Promise<FirstRunState> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    const { profile } = await api.storage.local.get('profile');
    const db = await new Promise<IDBDatabase | null>((ok) => {
      const open = indexedDB.open('incident-capture');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ok(null);
    });
    let incidents: { title: string; leadId: string; leadName: string }[] = [];
    if (db?.objectStoreNames.contains('incidents')) {
      incidents = await new Promise((ok) => {
        const r = db.transaction('incidents').objectStore('incidents').getAll();
        r.onsuccess = () => ok(r.result.map((i: { title: string; leadId: string; leadName: string }) => ({ title: i.title, leadId: i.leadId, leadName: i.leadName })));
      });
    }
    db?.close();
    return { profile: (profile as FirstRunState['profile']) ?? null, incidents };
  }, undefined);
}

/**
 * Polls IndexedDB inside the page (every 5 ms, no round trip to the test per
 * poll) until an incident titled `title` is stored; answers the page's
 * Date.now() at that moment, for the first-run timing.
 */
export function whenIncidentStored(page: EvaluatesInPage, title: string, timeoutMs = 15_000): Promise<number> {
  return page.evaluate(
    async ({ title, timeoutMs }: { title: string; timeoutMs: number }) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await new Promise<boolean>((ok) => {
          const open = indexedDB.open('incident-capture');
          open.onerror = () => ok(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('incidents')) return (db.close(), ok(false));
            const r = db.transaction('incidents').objectStore('incidents').getAll();
            r.onsuccess = () => (db.close(), ok(r.result.some((i: { title: string }) => i.title === title)));
            r.onerror = () => (db.close(), ok(false));
          };
        });
        if (found) return Date.now();
        if (Date.now() > deadline) throw new Error(`No incident titled "${title}" stored after ${timeoutMs} ms`);
        await new Promise((ok) => setTimeout(ok, 5));
      }
    },
    { title, timeoutMs },
  );
}

/** The line both suites print, so the figure is easy to find in the test output (bench/README.md records it). */
export function reportFirstRun(browser: string, ms: number, formReadyMs: number): void {
  console.log(
    `FIRST RUN TIME (${browser}): popup opened → name + title typed → Declare → incident stored: ${ms} ms ` +
      `(of which opening the popup window until "Your name" is there: ${formReadyMs} ms)`,
  );
}
