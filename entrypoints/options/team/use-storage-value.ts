import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A storage item's value, kept current (undefined while loading). Re-read on
 * `version` changes too: after the background answers a request that wrote
 * it, the page reads it again rather than rely on the change event alone.
 */
export function useStorageValue<T>(item: WxtStorageItem<T, Record<string, unknown>>, version = 0): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item, version]);
  return value;
}
