import { TITLE_MAX } from '../model/limits';

// C0/C1 controls, plus the bidirectional embeddings, overrides and isolates
// ("Trojan Source", https://trojansource.codes/) and invisible zero-width
// space / BOM: none belongs in a one-line title, and some can make one read
// differently from what it says. Joiners (ZWJ/ZWNJ) stay: emoji and scripts need them.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line: whitespace runs (tabs, line breaks) become one space, controls disappear. */
export function oneLine(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/** `oneLine`, cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function clampLine(text: unknown, max = TITLE_MAX): string {
  const line = oneLine(text);
  if (line.length <= max) return line;
  let cut = max - 1;
  const last = line.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // high surrogate: keep the pair together
  return `${line.slice(0, cut).trimEnd()}…`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Drops trailing " - Grafana", " · GitHub", " | Datadog", " — Sentry" style parts
 * (any of the names, in any order), and the whole title when it is only a name.
 */
export function withoutSuffixes(title: string, names: readonly string[]): string {
  let rest = title.trim();
  for (let changed = true; changed && rest; ) {
    changed = false;
    for (const name of names) {
      const suffix = new RegExp(`(^|\\s+[-–—|·]\\s+)${escapeRegExp(name)}$`, 'i');
      const next = rest.replace(suffix, '').trim();
      if (next !== rest) {
        rest = next;
        changed = true;
      }
    }
  }
  return rest;
}

/** "checkout-api_latency" → "Checkout api latency": a URL slug made readable. */
export function humanise(slug: string): string {
  let text = slug;
  try {
    text = decodeURIComponent(slug);
  } catch {
    // a stray % in the slug: keep it as written
  }
  text = oneLine(text.replace(/[-_+]+/g, ' '));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A decoded path segment, or the raw one if it does not decode. */
export function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
