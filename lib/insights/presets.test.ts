import { describe, expect, it } from 'vitest';
import { customPeriod, dayOf, presetFromHash, presetPeriod } from './presets';
import { t } from './test-facts';

// Tuesday 1 December 2026: this week is Monday 30 Nov, so every preset ends on Monday 7 Dec 00:00.
const NOW = t('2026-12-01T00:16:00Z');

describe('period presets', () => {
  it('are whole ISO weeks ending with this one', () => {
    // 7 Dec − 4 weeks = 9 Nov; − 12 weeks (84 days) = 14 Sep; − 26 weeks (182 days) = 8 Jun; − 52 weeks (364 days) = 8 Dec 2025.
    expect(presetPeriod('4w', NOW, null)).toEqual({ from: t('2026-11-09T00:00:00Z'), to: t('2026-12-07T00:00:00Z') });
    expect(presetPeriod('12w', NOW, null).from).toBe(t('2026-09-14T00:00:00Z'));
    expect(presetPeriod('6m', NOW, null).from).toBe(t('2026-06-08T00:00:00Z'));
    expect(presetPeriod('12m', NOW, null).from).toBe(t('2025-12-08T00:00:00Z'));
  });

  it('All time starts with the week of the earliest incident, or this week when there is none', () => {
    // Sat 3 Jan 2026 is in the week of Mon 29 Dec 2025.
    expect(presetPeriod('all', NOW, t('2026-01-03T10:00:00Z')).from).toBe(t('2025-12-29T00:00:00Z'));
    expect(presetPeriod('all', NOW, null)).toEqual({ from: t('2026-11-30T00:00:00Z'), to: t('2026-12-07T00:00:00Z') });
  });
});

describe('custom period', () => {
  it('includes both days, as UTC days', () => {
    expect(customPeriod('2026-11-02', '2026-11-08')).toEqual({ ok: true, period: { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') } });
    expect(customPeriod('2026-11-02', '2026-11-02')).toEqual({ ok: true, period: { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-03T00:00:00Z') } });
    expect(dayOf(t('2026-11-02T00:00:00Z'))).toBe('2026-11-02');
  });

  it('refuses an end before the start, and a missing or malformed date, with a message', () => {
    expect(customPeriod('2026-11-08', '2026-11-02')).toEqual({ ok: false, message: 'The end date is before the start date.' });
    expect(customPeriod('', '2026-11-02')).toEqual({ ok: false, message: 'Choose both a start and an end date.' });
    // Not rolled over into March (Date.parse would make it 3 March).
    expect(customPeriod('2026-02-31', '2026-03-08')).toEqual({ ok: false, message: 'Choose both a start and an end date.' });
    expect(customPeriod('2026-13-45', '2026-11-02')).toEqual({ ok: false, message: 'Choose both a start and an end date.' });
  });
});

describe('presetFromHash', () => {
  it('reads #/all and #/4w, and falls back to the default for anything else', () => {
    expect(presetFromHash('#/all')).toBe('all');
    expect(presetFromHash('#4w')).toBe('4w');
    expect(presetFromHash('')).toBe('12w');
    expect(presetFromHash('#/<script>')).toBe('12w');
  });
});
