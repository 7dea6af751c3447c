import { describe, expect, it } from 'vitest';
import { utcDayStart } from './utc';

describe('utcDayStart', () => {
  it('reads a calendar day as its midnight UTC', () => {
    expect(utcDayStart('2026-11-02')).toBe(Date.UTC(2026, 10, 2));
    expect(utcDayStart('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('refuses what is not a day of the calendar, or not written YYYY-MM-DD', () => {
    for (const day of ['2026-02-31', '2025-02-29', '2026-13-01', '2026-11-2', '02/11/2026', '', '2026-11-02T00:00:00Z']) {
      expect(utcDayStart(day), day).toBeNull();
    }
  });
});
