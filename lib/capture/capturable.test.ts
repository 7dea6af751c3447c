import { describe, expect, it } from 'vitest';
import { explainCaptureError, whyNotCapturable } from './capturable';

describe('whyNotCapturable', () => {
  it.each([
    ['chrome://settings/', /its own pages/],
    ['chrome://newtab/', /its own pages/],
    ['about:blank', /its own pages/],
    ['devtools://devtools/bundled/inspector.html', /its own pages/],
    ['view-source:https://example.com/', /view-source/],
    ['chrome-extension://abcdefghijklmnop/options.html', /another extension/],
    ['https://chromewebstore.google.com/detail/x/abc', /Web Store/],
    ['https://chrome.google.com/webstore/detail/abc', /Web Store/],
    ['file:///home/me/report.html', /Allow access to file URLs/],
    ['https://example.com/report.PDF', /PDF viewer/],
    [undefined, /does not let extensions capture this page/],
    ['not a url', /no page/],
  ])('%s is refused with a reason', (url, reason) => {
    expect(whyNotCapturable(url)).toMatch(reason);
  });

  it.each([
    'https://sentry.io/organizations/acme/issues/1/',
    'http://127.0.0.1:5173/grafana',
    'https://chrome.google.com/search',
  ])('%s can be captured', (url) => {
    expect(whyNotCapturable(url)).toBeNull();
  });

  it('allows file:// once the person granted file access', () => {
    expect(whyNotCapturable('file:///tmp/page.html', true)).toBeNull();
  });
});

describe('explainCaptureError', () => {
  it('explains a missing grant', () => {
    expect(explainCaptureError(new Error("Either the '<all_urls>' or 'activeTab' permission is required."))).toMatch(
      /did not give the extension access/,
    );
  });
  it('keeps an unknown message', () => {
    expect(explainCaptureError(new Error('boom'))).toBe('The screenshot failed: boom');
  });
});
