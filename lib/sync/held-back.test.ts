import { describe, expect, it } from 'vitest';
import { heldBackByReason } from './held-back';

describe('heldBackByReason', () => {
  it('counts held-back rows per reason, largest first, with the first time each was seen', () => {
    const rows = [
      { reason: 'Clock more than a day ahead', receivedAt: '2026-11-26T10:00:00.000Z' },
      { reason: 'kind: Invalid input', receivedAt: '2026-11-26T09:00:00.000Z' },
      { reason: 'Clock more than a day ahead', receivedAt: '2026-11-26T08:00:00.000Z' },
    ];
    expect(heldBackByReason(rows)).toEqual([
      { reason: 'Clock more than a day ahead', count: 2, firstReceivedAt: '2026-11-26T08:00:00.000Z' },
      { reason: 'kind: Invalid input', count: 1, firstReceivedAt: '2026-11-26T09:00:00.000Z' },
    ]);
  });

  it('says nothing when nothing is held back', () => {
    expect(heldBackByReason([])).toEqual([]);
  });
});
