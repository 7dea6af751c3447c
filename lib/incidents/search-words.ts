/**
 * Words for the search index. Side-panel search used to read every incident
 * row and look for each query word inside its text; at 20,000 incidents
 * (issue 13) reading the rows alone takes seconds, so rows carry their
 * distinct words and a multi-entry IndexedDB index over them answers a query
 * word by word (a prefix range per word: "post" finds "postgres").
 *
 * A word is a run of letters or digits in any script (Unicode classes, so
 * "müller" and "東京" are words and "eu-west-1" is eu, west, 1).
 */
const WORD = /[\p{L}\p{N}]+/gu;

/** Longer words are cut here: an index key, not a document (a hash or a base64 run would only bloat it). */
export const SEARCH_WORD_MAX = 32;
/** At most this many distinct words per incident (the text is already capped at SEARCH_TEXT_MAX). */
export const SEARCH_WORDS_MAX = 4_000;

/** The distinct lower-case words of `text`, first occurrence first. */
export function toSearchWords(text: string): string[] {
  const words = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    words.add(word.slice(0, SEARCH_WORD_MAX));
    if (words.size >= SEARCH_WORDS_MAX) break;
  }
  return [...words];
}
