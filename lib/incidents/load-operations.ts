/**
 * The write path (and with it zod and the event schemas) as a lazy chunk. The
 * popup paints its form first and loads this right after, long before a person
 * can press Enter; the side panel simply awaits it. See bench/README.md for the
 * popup's JS budget this keeps.
 */
export const loadOperations = () => import('./operations');

/** A newcomer's first declare (name and incident together), the write path's chunk plus the profile. */
export const loadNewcomerDeclare = () => import('./declare-as-newcomer');
