/** The IndexedDB database every extension page shares (Dexie and the popup's peek). */
export const DB_NAME = 'incident-capture';
