import { describe, expect, it } from 'vitest';
import { explainCaptureError, maskMayFail, whyNotCapturable } from './capturable';

const chrome = { browser: 'chrome' as const, fileAccess: false };
const firefox = { browser: 'firefox' as const, fileAccess: false };

describe('whyNotCapturable in Chrome', () => {
  it.each([
    ['chrome://settings/', /its own pages/],
    ['chrome://newtab/', /its own pages/],
    ['about:blank', /its own pages/],
    ['devtools://devtools/bundled/inspector.html', /its own pages/],
    ['view-source:https://example.com/', /view-source/],
    ['chrome-extension://abcdefghijklmnop/options.html', /another extension/],
    ['https://chromewebstore.google.com/detail/x/abc', /Chrome Web Store/],
    ['https://chrome.google.com/webstore/detail/abc', /Chrome Web Store/],
    ['file:///home/me/report.html', /Allow access to file URLs/],
    ['https://example.com/report.PDF', /PDF viewer/],
    [undefined, /does not let extensions capture this page \(browser pages such as chrome:\/\//],
    ['not a url', /no page/],
  ])('%s is refused with a reason', (url, reason) => {
    expect(whyNotCapturable(url, chrome)).toMatch(reason);
  });

  it.each(['https://sentry.io/organizations/acme/issues/1/', 'http://127.0.0.1:5173/grafana', 'https://chrome.google.com/search', 'https://addons.mozilla.org/'])(
    '%s can be captured',
    (url) => {
      expect(whyNotCapturable(url, chrome)).toBeNull();
    },
  );

  it('allows file:// once the person granted file access', () => {
    expect(whyNotCapturable('file:///tmp/page.html', { ...chrome, fileAccess: true })).toBeNull();
  });
});

describe('whyNotCapturable in Firefox', () => {
  it.each([
    ['about:addons', /its own pages \(about:\/\/…\)/],
    ['about:blank', /its own pages/],
    ['resource://pdf.js/web/viewer.html', /its own pages/],
    ['view-source:https://example.com/', /view-source/],
    ['moz-extension://0f1e2d3c-aaaa-bbbb-cccc-123456789abc/options.html', /another extension/],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', /Mozilla’s own sites \(addons\.mozilla\.org\)/],
    ['https://accounts.firefox.com/settings', /Mozilla’s own sites/],
    ['https://support.mozilla.org/kb/x', /Mozilla’s own sites/],
    [undefined, /browser pages such as about:, addons\.mozilla\.org/],
    ['file:///home/me/report.html', /does not let extensions into local files/],
  ])('%s is refused with a reason', (url, reason) => {
    expect(whyNotCapturable(url, firefox)).toMatch(reason);
  });

  it.each([
    'https://sentry.io/organizations/acme/issues/1/',
    'https://www.mozilla.org/firefox/',
    'https://chromewebstore.google.com/detail/x/abc',
    'https://example.com/report.pdf',
  ])('%s can be captured', (url) => {
    expect(whyNotCapturable(url, firefox)).toBeNull();
  });

  it('never says “Chrome” except to name Chrome’s own pages', () => {
    for (const url of [undefined, 'about:blank', 'view-source:https://x/', 'moz-extension://x/y', 'https://addons.mozilla.org/', 'file:///x.html']) {
      expect(whyNotCapturable(url, firefox)).not.toMatch(/Chrome/);
    }
  });
});

describe('maskMayFail', () => {
  it('lets a PDF in Firefox’s viewer be captured without the mask (pdf.js cannot be scripted)', () => {
    expect(maskMayFail('https://example.com/runbook.pdf', 'firefox')).toBe(true);
  });
  it('never elsewhere', () => {
    expect(maskMayFail('https://example.com/runbook.pdf', 'chrome')).toBe(false);
    expect(maskMayFail('https://example.com/login', 'firefox')).toBe(false);
    expect(maskMayFail(undefined, 'firefox')).toBe(false);
  });
});

describe('explainCaptureError', () => {
  it.each([
    "Either the '<all_urls>' or 'activeTab' permission is required.",
    'Missing host permission for the tab',
    'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    'Cannot access contents of url "about:addons". Extension manifest must request permission to access this host.',
  ])('explains a missing grant: %s', (message) => {
    expect(explainCaptureError(new Error(message))).toBe(
      'The browser did not give the extension access to this page. Click the toolbar button on the page you want to capture, then Screenshot.',
    );
  });
  it.each(['No tab with id: 42.', 'Invalid tab ID: 42'])('explains a closed tab: %s', (message) => {
    expect(explainCaptureError(new Error(message))).toBe('The tab went away before it could be captured.');
  });
  it('keeps an unknown message', () => {
    expect(explainCaptureError(new Error('boom'))).toBe('The screenshot failed: boom');
  });
});
