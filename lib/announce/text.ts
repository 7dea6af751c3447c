/**
 * Cuts text to at most `max` characters, ending in "…" when cut. Counts UTF-16
 * code units, as JavaScript's `length` and the services' own validators
 * (Discord's limits are "characters") do, and never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Where a customer update or summary is long, the message carries its start (the timeline has all of it). */
export const LONG_TEXT_MAX = 1_000;
