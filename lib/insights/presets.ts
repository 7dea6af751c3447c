import { utcDayStart } from '../export/utc';
import { DAY_MS, isoWeekStart, WEEK_MS, type Period } from './period';

/**
 * The period choices. Each preset is whole ISO weeks ending with the current
 * one (this week counts), so every weekly bar is a full week: "6 months" is 26
 * weeks and "12 months" 52.
 */
export const PRESETS = [
  { id: '4w', label: 'Last 4 weeks', weeks: 4 },
  { id: '12w', label: 'Last 12 weeks', weeks: 12 },
  { id: '6m', label: 'Last 6 months', weeks: 26 },
  { id: '12m', label: 'Last 12 months', weeks: 52 },
  { id: 'all', label: 'All time', weeks: null },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];
export const DEFAULT_PRESET: PresetId = '12w';

/** A preset's period at `now`. All time starts with the week of the earliest incident (`earliest`, null if none). */
export function presetPeriod(id: PresetId, now: number, earliest: number | null): Period {
  const to = isoWeekStart(now) + WEEK_MS;
  const preset = PRESETS.find((p) => p.id === id)!;
  if (preset.weeks === null) return { from: isoWeekStart(Math.min(earliest ?? now, now)), to };
  return { from: to - preset.weeks * WEEK_MS, to };
}

/**
 * A custom period from two dates as a date input gives them ("2026-11-02"),
 * both days included, read as UTC days. A clear message, and no period, when
 * they do not make one.
 */
export function customPeriod(fromDay: string, toDay: string): { ok: true; period: Period } | { ok: false; message: string } {
  const from = utcDayStart(fromDay);
  const last = utcDayStart(toDay);
  if (from === null || last === null) return { ok: false, message: 'Choose both a start and an end date.' };
  if (last < from) return { ok: false, message: 'The end date is before the start date.' };
  return { ok: true, period: { from, to: last + DAY_MS } };
}

/** "2026-11-02": a UTC day as a date input shows it. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The preset a page address names (insights.html#/all), so a link or a reload opens that period; the default otherwise. */
export function presetFromHash(hash: string): PresetId {
  const id = hash.replace(/^#\/?/, '');
  return PRESETS.some((p) => p.id === id) ? (id as PresetId) : DEFAULT_PRESET;
}
