import { DB_NAME, INCIDENTS_STORE, STATUS_INDEX } from './names';

/**
 * Who leads an active incident? Answered with the bare IndexedDB API so the
 * popup can decide what to paint before Dexie (110 KB) has loaded, and without
 * waiting for the profile (the caller checks its own user id in the set).
 * Reads the `incidents` projection through its `status` index; a test holds it
 * to the same answers as `findMyCurrentIncident`.
 *
 * Never creates the database: if it does not exist yet the open is aborted and
 * the answer is "no". Any other failure answers null ("don't know"), and the
 * caller falls back to the full path.
 */
export function peekActiveLeadIds(factory: IDBFactory, name = DB_NAME): Promise<Set<string> | null> {
  return new Promise((resolve) => {
    let settled = false;
    const answer = (value: Set<string> | null) => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      answer(null);
      return;
    }
    request.onupgradeneeded = () => {
      answer(new Set()); // no database yet: nothing was ever declared here
      request.transaction?.abort();
    };
    request.onerror = () => answer(null);
    request.onblocked = () => answer(null);
    request.onsuccess = () => {
      const db = request.result;
      try {
        if (!db.objectStoreNames.contains(INCIDENTS_STORE)) {
          answer(new Set());
          db.close();
          return;
        }
        const get = db.transaction(INCIDENTS_STORE, 'readonly').objectStore(INCIDENTS_STORE).index(STATUS_INDEX).getAll('active');
        get.onsuccess = () => {
          answer(new Set((get.result as { leadId?: unknown }[]).map((i) => String(i.leadId))));
          db.close();
        };
        get.onerror = () => {
          answer(null);
          db.close();
        };
      } catch {
        answer(null);
        db.close();
      }
    };
  });
}
