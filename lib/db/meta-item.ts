import type { PromiseExtended } from 'dexie';
import type { ZodType } from 'zod';
import type { IncidentDatabase } from './database';

/**
 * One typed row of the `meta` key/value table, parsed with zod on every read
 * (the pattern of Replicache's `generate('todo', todoSchema.parse)`). A stored
 * value that does not parse (an older version's shape, a hand-edited row) is
 * read as the fallback: local state never throws a page or the worker over.
 *
 * `get` and `put` return Dexie's own promises, not an async wrapper, so they
 * may be awaited inside a Dexie transaction, in a loop too: awaiting anything
 * but a Dexie promise there loses Dexie's zone and commits the transaction
 * early (PrematureCommitError; https://dexie.org/docs/DexieErrors/Dexie.PrematureCommitError,
 * and lib/sync/ingest.ts).
 */
export interface MetaItem<T> {
  readonly key: string;
  get(db: IncidentDatabase): PromiseExtended<T>;
  put(db: IncidentDatabase, value: T): PromiseExtended<unknown>;
}

/** A family of rows keyed `prefix + id` (one per team, one per incident). */
export interface MetaFamily<T> {
  key(id: string): string;
  /** The value for `id`, or undefined when there is none or it does not parse. */
  get(db: IncidentDatabase, id: string): PromiseExtended<T | undefined>;
  /** Stores many at once: one Dexie call however many there are. */
  putAll(db: IncidentDatabase, entries: Iterable<readonly [string, T]>): PromiseExtended<unknown>;
  /** Every id with a value that parses; the rest are left out. */
  all(db: IncidentDatabase): PromiseExtended<Map<string, T>>;
}

function parsed<T>(schema: ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}

export function metaItem<T>(key: string, schema: ZodType<T>, fallback: T): MetaItem<T> {
  return {
    key,
    get: (db) =>
      db.meta.get(key).then((row) => {
        const read = parsed(schema, row?.value);
        return read.ok ? read.value : fallback;
      }),
    put: (db, value) => db.meta.put({ key, value }),
  };
}

export function metaFamily<T>(prefix: string, schema: ZodType<T>): MetaFamily<T> {
  const key = (id: string) => `${prefix}${id}`;
  return {
    key,
    get: (db, id) =>
      db.meta.get(key(id)).then((row) => {
        const read = parsed(schema, row?.value);
        return read.ok ? read.value : undefined;
      }),
    putAll: (db, entries) => db.meta.bulkPut([...entries].map(([id, value]) => ({ key: key(id), value }))),
    all: (db) =>
      db.meta
        .where('key')
        .startsWith(prefix)
        .toArray()
        .then((rows) => {
          const values = new Map<string, T>();
          for (const row of rows) {
            const read = parsed(schema, row.value);
            if (read.ok) values.set(row.key.slice(prefix.length), read.value);
          }
          return values;
        }),
  };
}
