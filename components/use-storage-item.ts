import { useEffect, useRef, useState } from 'react';

/** What the hook needs of a WXT storage item (`storage.defineItem`). */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

interface Options<T, R> {
  /** Turns what is stored (untrusted: any page or version may have written it) into what the caller uses. */
  read: (value: T) => R;
  /** Shown until the first read answers. */
  initial: R;
  /** Read again when this changes: after the background answers a request that wrote the item, the page re-reads it rather than rely on the change event alone. */
  version?: number;
}

/**
 * A storage item's value, kept current: read once, then on every change. The
 * one hook for stored settings and records (team, members, settings, profile,
 * the Team section's connection and account).
 */
export function useStorageItem<T>(item: WatchableItem<T>, options?: { version?: number }): T | undefined;
export function useStorageItem<T, R>(item: WatchableItem<T>, options: Options<T, R>): R;
export function useStorageItem<T, R>(item: WatchableItem<T>, options: Partial<Options<T, R>> = {}): R | T | undefined {
  const { read, initial, version = 0 } = options;
  const [value, setValue] = useState<R | T | undefined>(initial);
  // The parser is usually written inline; keep the latest without re-subscribing on every render.
  const readRef = useRef(read);
  readRef.current = read;
  useEffect(() => {
    const apply = (next: T) => setValue(readRef.current ? readRef.current(next) : next);
    void item.getValue().then(apply);
    return item.watch(apply);
  }, [item, version]);
  return value;
}
