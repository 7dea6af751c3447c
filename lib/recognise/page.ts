import { oneLine } from './clean';
import type { PageFacts } from './page-facts';

/** PageFacts made safe to read: an http(s) URL and one-line titles, whatever came in. */
export interface Page {
  url: URL;
  /** og:title, twitter:title, then the document title: one line each, non-empty, no repeats. */
  titles: readonly string[];
  /** A meta value as one line, '' when absent or not a string. */
  meta(name: string): string;
}

/** The page's URL when it is http(s); chrome://, javascript:, data:, file: are not evidence links. */
export function httpUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Reads untrusted facts (an executeScript result may be anything) without throwing. */
export function metaReader(facts: unknown): (name: string) => string {
  const meta = facts && typeof facts === 'object' ? (facts as { meta?: unknown }).meta : undefined;
  return (name) => {
    if (!meta || typeof meta !== 'object' || !Object.prototype.hasOwnProperty.call(meta, name)) return '';
    return oneLine((meta as Record<string, unknown>)[name]);
  };
}

export function documentTitle(facts: unknown): string {
  return oneLine(facts && typeof facts === 'object' ? (facts as { title?: unknown }).title : '');
}

export function toPage(url: URL, facts: unknown): Page {
  const meta = metaReader(facts);
  const titles = [meta('og:title'), meta('twitter:title'), documentTitle(facts)].filter(Boolean);
  return { url, titles: [...new Set(titles)], meta };
}

/** The first title that `read` makes something of: metadata before the document title. */
export function firstTitle(page: Page, read: (title: string) => string | null): string | null {
  for (const title of page.titles) {
    const found = read(title);
    if (found) return found;
  }
  return null;
}
