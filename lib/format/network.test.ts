import { describe, expect, it } from 'vitest';
import type { NetworkContext } from '../model/network-context';
import { failedHeading, noFailuresText, requestDetails, requestDuration, statusLabel } from './network';

const context = (over: Partial<NetworkContext> = {}): NetworkContext => ({
  statusReported: true,
  entryCount: 40,
  failedCount: 0,
  failed: [],
  slowest: [],
  ...over,
});
const req = { url: 'https://x.io/a', initiator: 'fetch', status: 500, durationMs: 12.4 };

describe('network wording', () => {
  it('calls status 0 unknown and says nothing where no status was reported', () => {
    expect(statusLabel(req)).toBe('500');
    expect(statusLabel({ ...req, status: 0 })).toBe('status unknown');
    expect(statusLabel({ url: 'https://x.io/a', initiator: 'img', durationMs: 1 })).toBeUndefined();
  });

  it.each([
    [0.4, '0 ms'],
    [12.4, '12 ms'],
    [999.4, '999 ms'],
    [1_440, '1.4 s'],
    [73_200, '73 s'],
  ])('%s ms reads %s', (ms, text) => expect(requestDuration(ms)).toBe(text));

  it('says when the failed list was cut', () => {
    expect(failedHeading(context({ failedCount: 1, failed: [req] }))).toBe('Failed requests (1)');
    expect(failedHeading(context({ failedCount: 57, failed: Array(20).fill(req) }))).toBe('Failed requests (20 of 57)');
    expect(noFailuresText(context())).toBe('No failed requests among the 40 the page recorded.');
    expect(noFailuresText(context({ entryCount: 0 }))).toBe('The page had recorded no requests.');
  });

  it('names the initiator, or "other" when the page gave none', () => {
    expect(requestDetails(req)).toBe('fetch · 12 ms');
    expect(requestDetails({ ...req, initiator: '' })).toBe('other · 12 ms');
  });
});
