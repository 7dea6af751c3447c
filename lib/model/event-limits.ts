// Zod-free limits of event bodies, shared by the capture code and the schemas.

/** An inline thumbnail (a data URL) may not exceed this many characters. */
export const THUMBNAIL_MAX_CHARS = 10 * 1024;
