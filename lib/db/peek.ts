import { DB_NAME, INCIDENTS_STORE, LEAD_STATUS_INDEX, STATUS_INDEX } from './names';

/**
 * Who leads an active incident? Answered with the bare IndexedDB API so the
 * popup can decide what to paint before Dexie (110 KB) has loaded, and without
 * waiting for the profile (the caller checks its own user id in the set).
 * Reads the `incidents` projection's `[leadId+statusRank+lastActivityAt]`
 * index with a key cursor that visits each lead at most twice (skipScan):
 * the cost follows how many people lead incidents, not how many incidents
 * are active (7,924 rows at issue 13's scale, each read and cloned by the
 * `status` index's getAll it replaces). A database from before v6, not yet
 * upgraded by Dexie, has no such index and is read the old way. A test holds
 * it to the same answers as `findMyCurrentIncident`.
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
        const store = db.transaction(INCIDENTS_STORE, 'readonly').objectStore(INCIDENTS_STORE);
        const read = store.indexNames.contains(LEAD_STATUS_INDEX) ? skipScan(store.index(LEAD_STATUS_INDEX)) : activeRows(store.index(STATUS_INDEX));
        read.then(answer, () => answer(null)).finally(() => db.close());
      } catch {
        answer(null);
        db.close();
      }
    };
  });
}

/**
 * The leads with an active incident, off `[leadId, statusRank, …]` keys in
 * order: at a lead's first key, an active rank (0) adds the lead and jumps
 * past its active keys to `[lead, 1]`; a resolved rank jumps past the lead
 * (`[lead, 2]` sorts after every key of that lead and before the next
 * lead's, as arrays compare item by item: IndexedDB 3, "compare two keys").
 */
function skipScan(index: IDBIndex): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    const leads = new Set<string>();
    const cursor = index.openKeyCursor();
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return resolve(leads);
      const [lead, rank] = at.key as [string, number];
      if (rank === 0) leads.add(String(lead));
      try {
        at.continue([lead, rank + 1]);
      } catch (error) {
        // A key it cannot step past (a rank that is not a number): "don't know", and the popup takes
        // the full path, rather than a throw in this handler aborting the read with no answer at all.
        reject(error);
      }
    };
  });
}

/** Before v6: every active row, through the `status` index. */
function activeRows(index: IDBIndex): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    const get = index.getAll('active');
    get.onsuccess = () => resolve(new Set((get.result as { leadId?: unknown }[]).map((i) => String(i.leadId))));
    get.onerror = () => reject(get.error);
  });
}
