// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useStorageItem, type WatchableItem } from './use-storage-item';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function fakeItem(value: unknown) {
  const watchers = new Set<(v: unknown) => void>();
  const item: WatchableItem<unknown> & { set(v: unknown): void; watchers: Set<(v: unknown) => void> } = {
    watchers,
    getValue: async () => value,
    watch: (cb) => (watchers.add(cb), () => void watchers.delete(cb)),
    set(v) {
      value = v;
      for (const cb of watchers) cb(v);
    },
  };
  return item;
}

async function render(node: React.ReactNode) {
  const host = document.createElement('div');
  root = createRoot(host);
  await act(async () => root!.render(node));
  return host;
}

describe('useStorageItem', () => {
  it('shows the initial value, then what is stored, read through `read`, then every change', async () => {
    const item = fakeItem({ n: 2 });
    const read = (v: unknown) => (v && typeof v === 'object' && 'n' in v ? `n=${String(v.n)}` : 'junk');
    function Show() {
      return <p>{useStorageItem(item, { read, initial: 'loading' })}</p>;
    }
    const host = await render(<Show />);
    expect(host.textContent).toBe('n=2');
    await act(async () => item.set({ n: 3 }));
    expect(host.textContent).toBe('n=3');
    await act(async () => item.set('garbage'));
    expect(host.textContent).toBe('junk');
  });

  it('without `read`, is undefined until loaded, and stops watching when unmounted', async () => {
    const item = fakeItem('stored');
    const seen: unknown[] = [];
    function Show() {
      seen.push(useStorageItem(item));
      return null;
    }
    await render(<Show />);
    expect(seen[0]).toBeUndefined();
    expect(seen.at(-1)).toBe('stored');
    expect(item.watchers.size).toBe(1);
    act(() => root!.unmount());
    root = undefined;
    expect(item.watchers.size).toBe(0);
  });
});
