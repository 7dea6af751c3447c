import { describe, expect, it } from 'vitest';
import { DAY_MS, isoWeekStart, monthsOf, trendGranularity, WEEK_MS, weeksOf } from './period';
import { t } from './test-facts';

describe('UTC ISO weeks', () => {
  it('start on Monday 00:00 UTC: the last millisecond of Sunday belongs to the week before', () => {
    // 2026-11-30 is a Monday.
    expect(isoWeekStart(t('2026-11-30T00:00:00.000Z'))).toBe(t('2026-11-30T00:00:00.000Z'));
    expect(isoWeekStart(t('2026-11-29T23:59:59.999Z'))).toBe(t('2026-11-23T00:00:00.000Z'));
    expect(isoWeekStart(t('2026-12-06T23:59:59.999Z'))).toBe(t('2026-11-30T00:00:00.000Z'));
  });

  it('cross a year: Thursday 1 January 2026 is in the week of Monday 29 December 2025', () => {
    expect(isoWeekStart(t('2026-01-01T12:00:00Z'))).toBe(t('2025-12-29T00:00:00Z'));
  });

  it('are 7 × 24 h across the European and US clock changes (29 Mar, 25 Oct, 1 Nov 2026): UTC has no DST', () => {
    const weeks = weeksOf({ from: t('2026-03-23T00:00:00Z'), to: t('2026-11-09T00:00:00Z') });
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]! - weeks[i - 1]!).toBe(WEEK_MS);
    // 23 Mar → 9 Nov is 231 days = 33 weeks.
    expect(weeks).toHaveLength(33);
  });

  it('weeksOf lists every week overlapping the period, a partial first and last included', () => {
    // Wed 4 Nov → Tue 17 Nov: weeks of 2, 9 and 16 Nov.
    expect(weeksOf({ from: t('2026-11-04T00:00:00Z'), to: t('2026-11-17T00:00:00Z') })).toEqual([
      t('2026-11-02T00:00:00Z'),
      t('2026-11-09T00:00:00Z'),
      t('2026-11-16T00:00:00Z'),
    ]);
    // `to` is excluded: a period ending on Monday 16 Nov 00:00 has no week of 16 Nov.
    expect(weeksOf({ from: t('2026-11-02T00:00:00Z'), to: t('2026-11-16T00:00:00Z') })).toHaveLength(2);
    expect(weeksOf({ from: t('2026-11-02T00:00:00Z'), to: t('2026-11-02T00:00:00Z') })).toEqual([]);
  });

  it('monthsOf lists UTC months; trends go monthly past 13 weeks', () => {
    expect(monthsOf({ from: t('2026-10-15T00:00:00Z'), to: t('2027-01-01T00:00:00Z') })).toEqual([
      t('2026-10-01T00:00:00Z'),
      t('2026-11-01T00:00:00Z'),
      t('2026-12-01T00:00:00Z'),
    ]);
    expect(trendGranularity({ from: 0, to: 13 * WEEK_MS })).toBe('week');
    expect(trendGranularity({ from: 0, to: 13 * WEEK_MS + DAY_MS })).toBe('month');
  });
});
