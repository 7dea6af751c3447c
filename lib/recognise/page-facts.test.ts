// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readPageFacts, type PageFacts } from './page-facts';
import { recognisePage } from './recognise';

declare const window: Window & { happyDOM: { setURL(url: string): void } };

function load(url: string, head: string) {
  window.happyDOM.setURL(url);
  document.head.innerHTML = head;
}

describe('readPageFacts', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('reads the address, the title and the head meta tags', () => {
    load(
      'https://github.com/acme/api/issues/123',
      `<title>Payment webhook retries pile up · Issue #123 · acme/api · GitHub</title>
       <meta charset="utf-8">
       <meta name="description" content="  Retries pile up after a 502.  ">
       <meta property="og:title" content="Payment webhook retries pile up · Issue #123 · acme/api">
       <meta property="OG:Site_Name" content="GitHub">
       <meta property="og:url" content="https://github.com/acme/api/issues/123">
       <meta name="twitter:title" content="Payment webhook retries pile up">
       <meta name="application-name" content="GitHub">
       <meta property="og:image" content="https://example.com/first.png">
       <meta property="og:image" content="https://example.com/second.png">
       <meta name="empty" content="">
       <meta http-equiv="refresh" content="30">`,
    );
    document.body.innerHTML = '<meta name="in-body" content="ignored">';
    expect(readPageFacts()).toEqual({
      url: 'https://github.com/acme/api/issues/123',
      title: 'Payment webhook retries pile up · Issue #123 · acme/api · GitHub',
      meta: {
        description: 'Retries pile up after a 502.',
        'og:title': 'Payment webhook retries pile up · Issue #123 · acme/api',
        'og:site_name': 'GitHub',
        'og:url': 'https://github.com/acme/api/issues/123',
        'twitter:title': 'Payment webhook retries pile up',
        'application-name': 'GitHub',
        'og:image': 'https://example.com/first.png',
      },
    });
  });

  it('keeps both keys of a tag that has name and property', () => {
    load('https://acme.io/', '<meta name="twitter:title" property="og:title" content="Both">');
    expect(readPageFacts().meta).toEqual({ 'og:title': 'Both', 'twitter:title': 'Both' });
  });

  it('limits values to 500 characters and the tags to 50', () => {
    const tags = Array.from({ length: 80 }, (_, i) => `<meta name="k${i}" content="${'v'.repeat(600)}">`).join('');
    load('https://acme.io/', tags);
    const { meta } = readPageFacts();
    expect(Object.keys(meta)).toHaveLength(50);
    expect(meta.k0).toHaveLength(500);
    expect(meta.k50).toBeUndefined();
  });

  it('reads the metadata it needs before the rest, and no tokens', () => {
    const noise = Array.from({ length: 60 }, (_, i) => `<meta name="octolytics-${i}" content="x">`).join('');
    load(
      'https://github.com/acme/api/issues/123',
      `<meta name="csrf-token" content="s3cr3t"><meta name="html-safe-nonce" content="n"><meta name="visitor-hmac" content="h">
       ${noise}<meta property="og:title" content="Payment webhook retries pile up · Issue #123 · acme/api">`,
    );
    const { meta } = readPageFacts();
    expect(Object.keys(meta)).toHaveLength(50);
    expect(meta['og:title']).toBe('Payment webhook retries pile up · Issue #123 · acme/api');
    expect(Object.keys(meta).filter((k) => /csrf|nonce|hmac/.test(k))).toEqual([]);
  });

  it('never writes through __proto__', () => {
    load('https://acme.io/', '<meta name="__proto__" content="x"><meta name="constructor" content="y">');
    const { meta } = readPageFacts();
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(meta).toEqual({ constructor: 'y' });
  });

  it('survives being sent as source, the way executeScript({ func }) sends it', () => {
    load('https://acme.sentry.io/issues/4512345678/', '<meta property="og:title" content="TypeError: boom — acme — checkout-api">');
    document.title = 'Sentry';
    // A fresh function from the source text: any import or closure would be a ReferenceError here.
    const rebuilt = new Function(`return (${readPageFacts.toString()})();`) as () => PageFacts;
    const read = rebuilt();
    expect(read.meta['og:title']).toBe('TypeError: boom — acme — checkout-api');
    expect(recognisePage(read)).toEqual({
      tool: 'sentry',
      title: 'TypeError: boom (checkout-api)',
      sourceUrl: 'https://acme.sentry.io/issues/4512345678/',
      label: 'Sentry issue',
    });
  });
});
