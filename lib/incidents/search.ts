import type { IncidentDatabase } from '../db/database';
import type { Incident } from '../model/incident';
import { toSearchWords } from './search-words';

/**
 * Side-panel search, word by word (issue 13). Every word of the query must
 * begin a word of the incident's title, summary or notes: "post" finds
 * "Postgres", "eu-west-1" finds incidents with "eu", "west" and "1…"; "gres"
 * finds nothing (a prefix, no longer any substring: substring search meant
 * reading every row). Query words are cut as stored words are
 * (lib/incidents/search-words.ts), so a long query word still finds its word.
 */
export type SearchQuery = { kind: 'all' } | { kind: 'words'; words: string[] };

/**
 * A query of only spaces is no search (the whole view, and nothing read). One
 * with characters but no letter or digit ("--", "#") has no word to look up
 * and matches nothing ("Nothing matches"), rather than showing the whole view
 * as if the search had been ignored.
 */
export function parseSearchQuery(query: string): SearchQuery {
  if (!query.trim()) return { kind: 'all' };
  return { kind: 'words', words: toSearchWords(query) };
}

/**
 * The ids of the incidents that match, or null for an empty query. Each
 * word is a prefix range of the multi-entry `*searchWords` index, read as
 * keys only; the sets are intersected, the longest (rarest) word first, and
 * the search stops as soon as nothing is left.
 */
export async function searchIds(db: IncidentDatabase, query: string): Promise<Set<string> | null> {
  const parsed = parseSearchQuery(query);
  if (parsed.kind === 'all') return null;
  const words = [...parsed.words].sort((a, b) => b.length - a.length);
  let found: Set<string> | null = null;
  for (const word of words) {
    const keys = await db.incidents.where('searchWords').startsWith(word).primaryKeys();
    const next: Set<string> = new Set();
    for (const key of keys) if (!found || found.has(key)) next.add(key);
    found = next;
    if (!found.size) break;
  }
  return found ?? new Set();
}

/** A view's ids that a search found, in the view's order (every id with no search). */
export function keepFound(ids: readonly string[], found: ReadonlySet<string> | null): string[] {
  return found ? ids.filter((id) => found.has(id)) : [...ids];
}

/** The same rule in memory, over rows already read: the reference the index is tested and benched against. */
export function matchesQuery(incident: Pick<Incident, 'searchWords'>, query: string): boolean {
  const parsed = parseSearchQuery(query);
  if (parsed.kind === 'all') return true;
  return parsed.words.length > 0 && parsed.words.every((w) => incident.searchWords.some((word) => word.startsWith(w)));
}
