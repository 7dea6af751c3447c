import { describe, expect, it } from 'vitest';
import { describeSync } from './status';

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
});
