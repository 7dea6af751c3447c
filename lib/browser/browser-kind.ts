/**
 * Which browser family the build runs in, for the few facts that differ and
 * are not an API shape (which pages may be captured, what to call them).
 * Entry points pass it in from WXT's build-time import.meta.env.FIREFOX;
 * lib/ never detects it itself.
 */
export type BrowserKind = 'chrome' | 'firefox';
