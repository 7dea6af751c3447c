// Zod-free, so the popup's zod/mini profile schema and the full zod schemas share it.

/**
 * Bidirectional embedding, override and isolate controls: U+202A–U+202E
 * (LRE, RLE, PDF, LRO, RLO) and U+2066–U+2069 (LRI, RLI, FSI, PDI). An RLO in
 * a title or a name makes it display reversed ("Trojan Source",
 * https://trojansource.codes/, CVE-2021-42574), so a list could show one thing
 * while the record holds another. Plain right-to-left text never needs them;
 * the implicit marks U+200E/U+200F stay allowed. The server refuses the same
 * ranges (supabase/migrations/20261130000000_team_authority.sql).
 */
export const BIDI_CONTROL_CHARS = /[\u202a-\u202e\u2066-\u2069]/;

export const hasBidiControls = (s: string): boolean => BIDI_CONTROL_CHARS.test(s);

// Worded like the server's refusals (SQLSTATE 22023), so a person reads one sentence either way.
export const BIDI_TITLE_MESSAGE =
  'Text-direction control characters (U+202A–U+202E, U+2066–U+2069) are not allowed: they make text display differently from what it says. Remove them and try again.';
export const BIDI_NAME_MESSAGE = 'A display name cannot contain text-direction control characters (U+202A–U+202E, U+2066–U+2069).';
export const BIDI_TEAM_NAME_MESSAGE = 'A team name cannot contain text-direction control characters (U+202A–U+202E, U+2066–U+2069).';
