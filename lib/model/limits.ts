// Plain constants, kept apart from the zod schemas so the popup can show limits
// without loading zod before the Title field is ready (popup JS budget), and the
// capture code can size thumbnails. The one place for every limit.
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2_000;
// The server refuses event bodies over 64 KB; 16,000 characters stay under it
// even if every character takes four bytes in UTF-8.
export const NOTE_MAX = 16_000;
export const NAME_MAX = 80;

/** An inline thumbnail (a data URL) may not exceed this many characters. */
export const THUMBNAIL_MAX_CHARS = 10 * 1024;

/**
 * A follow-up's tracker link (\`follow_up_linked\`): https, a plain host name,
 * an optional port, no spaces or control characters, at most 2,048 characters.
 * supabase/migrations/20261202000000_follow_up_links.sql checks the same.
 */
export const TRACKER_LINK_PATTERN = /^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\s\u0000-\u001f\u007f-\u009f]*)?$/;
export const TRACKER_LINK_MAX = 2_048;
