import type { BrowserKind } from '../browser/browser-kind';

/**
 * Pages the browser will not let an extension capture, and what to tell the
 * person. Checked before trying, so the answer is immediate and specific;
 * errors from the capture itself are mapped by `explainCaptureError`.
 * Wording says "the browser" except where it names one browser's own page.
 */
const WEB_STORE = [/^https:\/\/chromewebstore\.google\.com\//, /^https:\/\/chrome\.google\.com\/webstore/];

/**
 * Firefox keeps extensions off these hosts: the default of the
 * `extensions.webextensions.restrictedDomains` pref, read from Firefox ESR
 * 153's greprefs.js (mozilla-central modules/libpref/init/all.js;
 * https://bugzilla.mozilla.org/show_bug.cgi?id=1415644). Scripting is refused
 * there, so the password mask could not run.
 */
const MOZILLA_RESTRICTED = new Set([
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

const BROWSER_SCHEMES: Record<BrowserKind, string[]> = {
  chrome: ['chrome:', 'edge:', 'brave:', 'chrome-untrusted:', 'chrome-search:', 'devtools:', 'about:'],
  firefox: ['about:', 'chrome:', 'resource:', 'jar:'],
};

const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:'];

export interface CaptureRules {
  browser: BrowserKind;
  /** Chrome's "Allow access to file URLs" switch for this extension (Firefox has none). */
  fileAccess: boolean;
}

const isPdfUrl = (parsed: URL) => /\.pdf$/i.test(parsed.pathname);

export function whyNotCapturable(url: string | undefined, rules: CaptureRules): string | null {
  const firefox = rules.browser === 'firefox';
  // The browser hides the URL of pages an extension may not touch (its own
  // pages, the add-on store, other extensions) even under activeTab.
  if (!url) {
    const examples = firefox ? 'about:, addons.mozilla.org, other extensions' : 'chrome://, the Web Store, other extensions';
    return `The browser does not let extensions capture this page (browser pages such as ${examples}). Switch to the tab with the evidence and try again.`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no page to capture.';
  }
  const scheme = parsed.protocol;
  if (BROWSER_SCHEMES[rules.browser].includes(scheme)) {
    return `The browser does not let extensions capture its own pages (${scheme}//…). Switch to the tab with the evidence and try again.`;
  }
  if (scheme === 'view-source:') return 'The browser does not let extensions capture view-source pages.';
  if (EXTENSION_SCHEMES.includes(scheme)) return 'The browser does not let one extension capture another extension’s pages.';
  if (!firefox && WEB_STORE.some((re) => re.test(url))) return 'The browser does not let extensions capture the Chrome Web Store.';
  if (firefox && scheme === 'https:' && MOZILLA_RESTRICTED.has(parsed.hostname)) {
    return `Firefox does not let extensions capture Mozilla’s own sites (${parsed.hostname}). Switch to the tab with the evidence and try again.`;
  }
  if (scheme === 'file:' && !firefox && !rules.fileAccess) {
    return 'To capture local files, turn on “Allow access to file URLs” for this extension in chrome://extensions.';
  }
  // Firefox has no such switch and will not let an extension script a
  // file:// page ("Missing host permission for the tab" even with
  // <all_urls>; probed on ESR 153), so the password mask cannot be put there.
  if (scheme === 'file:' && firefox) {
    return 'The browser does not let extensions into local files (file://), so password fields could not be hidden. Open the page from a web server, or take a system screenshot.';
  }
  // Chrome's PDF viewer draws the document in a plugin that tabs.captureVisibleTab
  // does not see (probed in Chromium: the capture is the viewer's grey, no page).
  // Firefox's pdf.js viewer captures like a page (probed on ESR 153), see maskMayFail.
  if (!firefox && isPdfUrl(parsed)) {
    return 'Chrome’s PDF viewer cannot be captured. Open the PDF’s page as an image or take a system screenshot.';
  }
  if (scheme !== 'http:' && scheme !== 'https:' && scheme !== 'file:' && scheme !== 'data:') {
    return `Pages of this kind (${scheme}) cannot be captured.`;
  }
  return null;
}

/**
 * Whether a capture may go ahead when the sensitive-field mask could not be
 * put in the page. Only for Firefox's PDF viewer: pdf.js is a privileged page
 * that extensions may not script ("Missing host permission for the tab", even
 * with <all_urls>; probed on ESR 153), yet it shows a document, not the
 * site's form fields. Any other page whose mask fails is not captured.
 */
export function maskMayFail(url: string | undefined, browser: BrowserKind): boolean {
  if (browser !== 'firefox' || !url) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isPdfUrl(parsed);
  } catch {
    return false;
  }
}

/** Turns an error from captureVisibleTab, captureTab or scripting (Chrome's or Firefox's wording) into one sentence. */
export function explainCaptureError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Cannot access|cannot be scripted|chrome:\/\/|Missing host permission|activeTab|permission/i.test(message)) {
    return 'The browser did not give the extension access to this page. Click the toolbar button on the page you want to capture, then Screenshot.';
  }
  if (/No tab|No window|Invalid tab ID|tab was closed/i.test(message)) return 'The tab went away before it could be captured.';
  if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(message)) return 'Too many screenshots at once. Try again in a second.';
  return `The screenshot failed: ${message}`;
}
