/**
 * Pages Chrome will not let an extension capture, and what to tell the person.
 * Checked before trying, so the answer is immediate and specific; errors from
 * the capture itself are mapped by `explainCaptureError`.
 */
const WEB_STORE = [/^https:\/\/chromewebstore\.google\.com\//, /^https:\/\/chrome\.google\.com\/webstore/];

export function whyNotCapturable(url: string | undefined, fileAccess = false): string | null {
  // Chrome hides the URL of pages an extension may not touch (chrome://, the
  // Web Store, other extensions) even under activeTab.
  if (!url) {
    return 'Chrome does not let extensions capture this page (browser pages such as chrome://, the Web Store, other extensions). Switch to the tab with the evidence and try again.';
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This tab has no page to capture.';
  }
  const scheme = parsed.protocol;
  if (['chrome:', 'edge:', 'brave:', 'chrome-untrusted:', 'chrome-search:', 'devtools:', 'about:'].includes(scheme)) {
    return `Chrome does not let extensions capture its own pages (${scheme}//…). Switch to the tab with the evidence and try again.`;
  }
  if (scheme === 'view-source:') return 'Chrome does not let extensions capture view-source pages.';
  if (scheme === 'chrome-extension:') return 'Chrome does not let one extension capture another extension’s pages.';
  if (WEB_STORE.some((re) => re.test(url))) return 'Chrome does not let extensions capture the Chrome Web Store.';
  if (scheme === 'file:' && !fileAccess) {
    return 'To capture local files, turn on “Allow access to file URLs” for this extension in chrome://extensions.';
  }
  if (/\.pdf$/i.test(parsed.pathname)) return 'Chrome’s PDF viewer cannot be captured. Open the PDF’s page as an image or take a system screenshot.';
  if (scheme !== 'http:' && scheme !== 'https:' && scheme !== 'file:' && scheme !== 'data:') {
    return `Pages of this kind (${scheme}) cannot be captured.`;
  }
  return null;
}

/** Turns an error from captureVisibleTab or scripting into one sentence. */
export function explainCaptureError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Cannot access|cannot be scripted|chrome:\/\/|Missing host permission|activeTab|permission/i.test(message)) {
    return 'Chrome did not give the extension access to this page. Click the toolbar button on the page you want to capture, then Screenshot.';
  }
  if (/No tab|No window|tab was closed/i.test(message)) return 'The tab went away before it could be captured.';
  if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(message)) return 'Too many screenshots at once. Try again in a second.';
  return `The screenshot failed: ${message}`;
}
