// Seeding the extension's IndexedDB as a teammate's device or a sync would
// have left it, for the Chromium and Firefox suites and the side-panel bench.
import { eventLog, generateBenchData } from '../../bench/sidepanel-data';
import { incidentFacts } from '../../lib/insights/facts';
import { foldAll } from '../../lib/incidents/fold-all';
import type { IncidentEvent } from '../../lib/model/event';
import type { EvaluatesInPage } from './fixtures';

/**
 * Writes rows into one object store of the extension's IndexedDB in one
 * transaction, raw (structured clone, no Dexie), from an extension page whose
 * Dexie has already created the database: how the suites and the side-panel
 * bench seed logs as a teammate's device or a sync would have left them.
 * Dexie's live queries do not see raw writes; a view opened afterwards does.
 */
export function putStoredRows(page: EvaluatesInPage, store: string, rows: readonly unknown[]): Promise<void> {
  return page.evaluate(
    async ({ store, rows }: { store: string; rows: unknown[] }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('incident-capture');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const row of rows) os.put(row);
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { store, rows },
  );
}

/** Stores a teammate's log (whole incidents, declaration first) with the projection rows the product's own fold makes of it. */
export async function storeIncidentLog(page: EvaluatesInPage, events: readonly IncidentEvent[]): Promise<void> {
  await putStoredRows(page, 'events', events);
  const rows = foldAll([...events]);
  await putStoredRows(page, 'incidents', rows);
  await putStoredRows(page, 'facts', rows.map(incidentFacts));
}

/** One row of the `meta` table, as stored (undefined when there is none). */
export function storedMeta(page: EvaluatesInPage, key: string): Promise<unknown> {
  return page.evaluate(
    (k: string) =>
      new Promise<unknown>((ok, fail) => {
        const open = indexedDB.open('incident-capture');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('meta').objectStore('meta').get(k);
          r.onsuccess = () => (open.result.close(), ok((r.result as { value?: unknown } | undefined)?.value));
        };
      }),
    key,
  );
}

/** Teammates, as a synced log names them (Priya and Tomás lead at some point, so the panel knows their names; Mei never does). */
export const PRIYA = { id: '0190a000-0000-7000-8000-0000000000e1', name: 'Priya Raman' };
export const TOMAS = { id: '0190a000-0000-7000-8000-0000000000e2', name: 'Tomás Ortega' };
export const MEI = { id: '0190a000-0000-7000-8000-0000000000e3', name: 'Mei Lin' };
const NODE: Record<string, string> = { [PRIYA.id]: 'priya', [TOMAS.id]: 'tomas', [MEI.id]: 'mei' };

/**
 * A Major incident teammates have run for 95 minutes before I open it: notes
 * (one with markup in it, one a log), a customer update, two follow-ups (one
 * done), and the lead handed from Priya to Tomás. `whileAway` adds what
 * teammates wrote later (for "New since you last looked").
 */
export function teammateHistory(nowMs = Date.now()) {
  const { events, push } = eventLog((id) => NODE[id]!);
  const t0 = nowMs - 95 * 60_000;
  const at = (minutes: number) => t0 + minutes * 60_000;
  const id = push(null, PRIYA, t0, {
    kind: 'declared',
    body: { title: 'Payments API 502s', severity: 'major', leadId: PRIYA.id, leadName: PRIYA.name },
  });
  const [alert, loadTest] = ['0190a000-0000-7000-8000-0000000000f1', '0190a000-0000-7000-8000-0000000000f2'];
  push(id, PRIYA, at(1), { kind: 'note', body: { text: 'Load balancer shows 12% 502 from payments-api', format: 'plain' } });
  push(id, MEI, at(2), { kind: 'note', body: { text: 'Upstream closes keep-alive connections early', format: 'plain' } });
  push(id, PRIYA, at(3), { kind: 'customer_update', body: { channel: 'status_page', text: 'We are investigating failed card payments.' } });
  push(id, PRIYA, at(4), { kind: 'follow_up_added', body: { followUpId: alert, text: 'Alert on keep-alive resets' } });
  push(id, MEI, at(5), { kind: 'follow_up_added', body: { followUpId: loadTest, text: 'Load test the pool' } });
  push(id, MEI, at(6), { kind: 'follow_up_done', body: { followUpId: loadTest, done: true } });
  push(id, PRIYA, at(7), { kind: 'lead_changed', body: { leadId: TOMAS.id, leadName: TOMAS.name } });
  push(id, TOMAS, at(8), { kind: 'note', body: { text: '<img src=x onerror="document.title=1">Rolled back 412', format: 'plain' } });
  push(id, MEI, at(9), { kind: 'note', body: { text: 'ERROR upstream reset\n  at proxy (lb.js:88)', format: 'log' } });
  push(id, TOMAS, at(10), { kind: 'note', body: { text: 'Error rate back to 0.1%; watching', format: 'plain' } });
  const note = (author: { id: string; name: string }, ms: number, text: string) => push(id, author, ms, { kind: 'note', body: { text, format: 'plain' } });
  /** Four notes teammates add a minute ago, the first "Pool resized to 80", the last "Status page says monitoring". */
  function whileAway(later = Date.now() - 60_000) {
    note(MEI, later, 'Pool resized to 80');
    note(PRIYA, later + 1_000, 'Deploy 413 rolling out');
    note(MEI, later + 2_000, 'Errors at zero for 5 minutes');
    note(PRIYA, later + 3_000, 'Status page says monitoring');
  }
  return { id, title: 'Payments API 502s', events, whileAway };
}

/** The side-panel bench's long incident at 100 entries (declared by a teammate, notes by seven people): the timeline the follow tests scroll. */
export function hundredEntryLog() {
  const { events, longIncidentId } = generateBenchData({ incidents: 0, longEvents: 100 });
  const declared = events[0]!;
  if (events.length !== 100 || declared.kind !== 'declared') throw new Error('The bench data no longer makes a 100-event incident');
  return { id: longIncidentId, title: declared.body.title, events };
}
