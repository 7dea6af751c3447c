/**
 * Where a teammate installs the extension: the store listings. One place, so
 * the invite message (invite-message.ts) and the docs never disagree.
 *
 * The Chrome Web Store gives a listing its address (…/detail/<32-letter id>)
 * only at the first upload; until docs/store.md records that id, the link is
 * the store's search for the listing's name, which finds it. addons.mozilla.org
 * addresses a listing by its slug, derived from the name "Incident Capture"
 * (docs/store.md) at submission. Update both here when the listings are live.
 */
export const INSTALL_LINKS = {
  /** Chrome, Edge (which installs from the Chrome Web Store) and Brave. */
  chromeWebStore: 'https://chromewebstore.google.com/search/Incident%20Capture',
  /** Firefox 140+ (addons.mozilla.org). */
  firefoxAddons: 'https://addons.mozilla.org/firefox/addon/incident-capture/',
} as const;

/** Hosts of the links above: a pasted invite's project URL is never one of them. */
export const INSTALL_HOSTS: ReadonlySet<string> = new Set(
  Object.values(INSTALL_LINKS).map((link) => new URL(link).hostname),
);
