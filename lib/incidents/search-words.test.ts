import { describe, expect, it } from 'vitest';
import { SEARCH_WORD_MAX, SEARCH_WORDS_MAX, toSearchWords } from './search-words';

describe('toSearchWords', () => {
  it('splits on anything but letters and digits, lower-cases and keeps each word once', () => {
    expect(toSearchWords('Checkout 502s in eu-west-1; checkout again')).toEqual(['checkout', '502s', 'in', 'eu', 'west', '1', 'again']);
  });

  it('keeps words in any script', () => {
    expect(toSearchWords('Müller: 東京 outage — Ωmega')).toEqual(['müller', '東京', 'outage', 'ωmega']);
  });

  it('cuts long words and caps how many are kept', () => {
    expect(toSearchWords('a'.repeat(100))).toEqual(['a'.repeat(SEARCH_WORD_MAX)]);
    const many = Array.from({ length: SEARCH_WORDS_MAX + 50 }, (_, i) => `w${i}`).join(' ');
    expect(toSearchWords(many)).toHaveLength(SEARCH_WORDS_MAX);
  });

  it('gives nothing for text without words', () => {
    expect(toSearchWords(' — … !! ')).toEqual([]);
  });
});
