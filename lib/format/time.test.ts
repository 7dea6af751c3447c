import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration } from './time';

const at = (iso: string) => Date.parse(iso);

describe('formatAge', () => {
  it.each([
    ['2026-11-26T09:00:00Z', '2026-11-26T09:00:30Z', 'just now'],
    ['2026-11-26T09:00:00Z', '2026-11-26T09:04:10Z', '4 min ago'],
    ['2026-11-26T09:00:00Z', '2026-11-26T12:10:00Z', '3 h ago'],
    ['2026-11-26T09:00:00Z', '2026-11-27T10:00:00Z', '1 day ago'],
    ['2026-11-26T09:00:00Z', '2026-11-29T09:00:00Z', '3 days ago'],
    ['2026-11-26T09:00:00Z', '2026-11-26T08:00:00Z', 'just now'],
  ])('%s seen at %s is %s', (iso, now, expected) => {
    expect(formatAge(iso, at(now))).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [59 * 60_000, '59 min'],
    [65 * 60_000, '1 h 5 min'],
    [120 * 60_000, '2 h'],
    [72 * 3_600_000, '3 days'],
  ])('%i ms is %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
