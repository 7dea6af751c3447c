import type { MessageSender } from './protocol';

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Who sent a message, by what the browser (not the message) says.
 *
 * - Another extension's id: foreign.
 * - Our id, and the sending frame's URL lies under our own base URL
 *   (chrome-extension://<id>/ in Chrome, moz-extension://<uuid>/ in Firefox:
 *   Firefox's base URL carries a per-install UUID, not the id, so we compare
 *   with runtime.getURL('/') rather than build it from the id): one of our
 *   pages: popup, side panel, options, or one of them opened in a tab (which
 *   also sets `sender.tab`, so `tab` alone cannot tell).
 * - Anything else with our id is a content script: MDN says `url` is then "the
 *   web page URL" and `tab` is set "(including content scripts)".
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/runtime/MessageSender
 *   Chrome documents the same fields (node_modules/@wxt-dev/browser/src/gen/index.d.ts,
 *   runtime.MessageSender: tab "including content scripts", url "of the page
 *   or frame that opened the connection", origin since Chrome 80).
 *
 * It fails closed: a sender with no URL, or whose `origin` (when the browser
 * gives one) is not ours — an about:blank or sandboxed frame — counts as a
 * content script, never as one of our pages.
 */
export function senderKind(sender: MessageSender, ownId: string, ownBaseUrl: string): SenderKind {
  if (sender.id !== ownId) return 'foreign';
  const base = ownBaseUrl.endsWith('/') ? ownBaseUrl : `${ownBaseUrl}/`;
  const ownOrigin = base.slice(0, -1);
  const fromOwnUrl = typeof sender.url === 'string' && sender.url.startsWith(base);
  const fromOwnOrigin = sender.origin === undefined || sender.origin === ownOrigin;
  return fromOwnUrl && fromOwnOrigin ? 'extension-page' : 'content-script';
}

/** Where a content script's message came from, for the report: the origin only, never the full URL. */
export function describeSender(sender: MessageSender): string {
  const url = sender.origin ?? sender.url ?? sender.tab?.url;
  if (!url) return 'an unknown page';
  try {
    return new URL(url).origin;
  } catch {
    return 'an unknown page';
  }
}
