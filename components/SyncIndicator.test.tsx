// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContext } from '../test/support/domain';
import { syncStateItem, INITIAL_SYNC_STATE } from '../lib/db/meta-items';
import { SyncIndicator } from './SyncIndicator';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TEAM = '0190a000-0000-7000-8000-0000000000a1';
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

/** Waits (on the live query, never a fixed delay) until the indicator says `text`. */
async function until(host: HTMLElement, text: string) {
  for (let i = 0; i < 200 && !host.textContent?.includes(text); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  expect(host.textContent).toContain(text);
}

describe('SyncIndicator', () => {
  it('shows a long pull as "Syncing n of N", the count outside the live announcement', async () => {
    const { db } = makeContext();
    await syncStateItem.put(db, { ...INITIAL_SYNC_STATE, state: 'syncing', progress: { done: 340_000, total: 1_000_000 } });
    const host = document.createElement('div');
    root = createRoot(host);
    await act(async () => root!.render(<SyncIndicator db={db} teamId={TEAM} />));
    await until(host, 'Syncing 340,000 of 1,000,000');
    const live = host.querySelector('[role="status"]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    // Each page changes only the count, in a region that is not live: read on demand, not announced.
    const count = [...live.querySelectorAll('[aria-live="off"]')].map((e) => e.textContent);
    expect(count).toEqual(['340,000 of 1,000,000']);

    await act(() => syncStateItem.put(db, { ...INITIAL_SYNC_STATE, state: 'syncing', progress: { done: 341_000, total: 1_000_000 } }));
    await until(host, 'Syncing 341,000 of 1,000,000');
    await act(() => syncStateItem.put(db, { ...INITIAL_SYNC_STATE, state: 'synced' }));
    await until(host, 'Synced');
    expect(host.querySelector('[aria-live="off"]')).toBeNull();
  });

  it('says "Syncing…" when the server gave no total', async () => {
    const { db } = makeContext();
    await syncStateItem.put(db, { ...INITIAL_SYNC_STATE, state: 'syncing', progress: { done: 5_000, total: null } });
    const host = document.createElement('div');
    root = createRoot(host);
    await act(async () => root!.render(<SyncIndicator db={db} teamId={TEAM} />));
    await until(host, 'Syncing…');
    expect(host.textContent).not.toContain('5,000');
  });
});
