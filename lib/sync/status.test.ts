import { describe, expect, it } from 'vitest';
import { describeProgress, describeSync } from './status';

describe('describeSync', () => {
  it('says each state in one line, with what is pending', () => {
    expect(describeSync({ state: 'synced', pending: 0, lastError: null })).toBe('Synced');
    expect(describeSync({ state: 'synced', pending: 3, lastError: null })).toBe('3 pending');
    expect(describeSync({ state: 'offline', pending: 2, lastError: null })).toBe('Offline — 2 pending');
    expect(describeSync({ state: 'signed_out', pending: 0, lastError: null })).toBe('Signed out — sign in again to sync');
    expect(describeSync({ state: 'error', pending: 1, lastError: 'timeout' })).toBe('Sync error: timeout (1 pending)');
  });

  it('says why sync is paused and that nothing waiting is lost', () => {
    expect(describeSync({ state: 'paused', pending: 4, lastError: 'consent was withdrawn' })).toBe(
      'Sync paused: consent was withdrawn (4 pending)',
    );
    expect(describeSync({ state: 'paused', pending: 0, lastError: null })).toBe('Sync paused: sending is not allowed');
  });

  it('counts a long pull against its total, in English number format', () => {
    const syncing = { state: 'syncing' as const, pending: 0, lastError: null };
    expect(describeSync({ ...syncing, progress: { done: 340_000, total: 1_000_000 } })).toBe('Syncing 340,000 of 1,000,000');
    expect(describeSync({ ...syncing, pending: 2, progress: { done: 0, total: 1_500 } })).toBe('Syncing 0 of 1,500 — 2 pending');
    expect(describeProgress({ state: 'syncing', progress: { done: 999, total: 1_000 } })).toBe('999 of 1,000');
  });

  it('says only "Syncing…" when the server gave no total (it predates pull_status) or there is no count', () => {
    const syncing = { state: 'syncing' as const, pending: 0, lastError: null };
    expect(describeSync({ ...syncing, progress: { done: 340_000, total: null } })).toBe('Syncing…');
    expect(describeSync({ ...syncing, progress: null })).toBe('Syncing…');
    expect(describeSync(syncing)).toBe('Syncing…');
    expect(describeProgress({ state: 'syncing', progress: { done: 5, total: null } })).toBeNull();
  });

  it('shows no count once a pull has ended, whatever progress a stale row holds', () => {
    expect(describeSync({ state: 'synced', pending: 0, lastError: null, progress: { done: 5, total: 9 } })).toBe('Synced');
    expect(describeProgress({ state: 'error', progress: { done: 5, total: 9 } })).toBeNull();
  });
});
