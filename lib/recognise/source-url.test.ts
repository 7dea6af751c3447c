import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { sourceUrlFor } from './source-url';
import { facts } from './test-facts';

const page = (url: string) => new URL(url);

describe('sourceUrlFor', () => {
  it.each([
    ['utm_* parameters', 'https://acme.io/post?id=7&utm_source=newsletter&utm_medium=email&utm_campaign=nov', 'https://acme.io/post?id=7'],
    ['click ids', 'https://acme.io/post?gclid=abc&fbclid=def&msclkid=ghi&mc_eid=1', 'https://acme.io/post'],
    ['tracking only, leaving no query', 'https://acme.io/?utm_source=x', 'https://acme.io/'],
    ['nothing when there is nothing to strip', 'https://acme.io/search?q=a+b&tag=%20x#top', 'https://acme.io/search?q=a+b&tag=%20x#top'],
    ['tracking while keeping the others exactly as written', 'https://acme.io/s?q=a+b&utm_source=x&path=%2Fa%2Fb', 'https://acme.io/s?q=a+b&path=%2Fa%2Fb'],
    ['credentials', 'https://user:secret@acme.io/admin', 'https://acme.io/admin'],
  ])('removes %s', (_, url, expected) => {
    expect(sourceUrlFor(page(url), '', { toolPage: false })).toBe(expected);
  });

  it.each([
    ['the page URL when og:url is from another origin', 'https://acme.io/a', 'https://evil.example/a', 'https://acme.io/a'],
    ['the page URL when og:url is another scheme', 'https://acme.io/a', 'javascript:alert(1)', 'https://acme.io/a'],
    ['the page URL when og:url is http on an https page', 'https://acme.io/a', 'http://acme.io/a', 'https://acme.io/a'],
    ['the page URL when og:url is only the site root', 'https://app.acme.io/orders/42', 'https://app.acme.io/', 'https://app.acme.io/orders/42'],
    ['the page URL when og:url is not a URL', 'https://acme.io/a?x=1', 'http://[', 'https://acme.io/a?x=1'],
    ['a same-origin og:url', 'https://acme.io/amp/post-7?ref=x', 'https://acme.io/posts/7-checkout', 'https://acme.io/posts/7-checkout'],
    ['a relative og:url, resolved', 'https://acme.io/amp/post-7', '/posts/7-checkout', 'https://acme.io/posts/7-checkout'],
    ['og:url on the root page', 'https://acme.io/?utm_source=x', 'https://acme.io/', 'https://acme.io/'],
    ['og:url with tracking stripped too', 'https://acme.io/p', 'https://acme.io/posts/7?utm_campaign=x', 'https://acme.io/posts/7'],
  ])('uses %s', (_, url, og, expected) => {
    expect(sourceUrlFor(page(url), og, { toolPage: false })).toBe(expected);
  });

  it('on a tool page, lets og:url tidy the address but never move it', () => {
    expect(sourceUrlFor(page('https://github.com/acme/api/issues/1?x=1'), 'https://github.com/acme/api/issues/1', { toolPage: true })).toBe(
      'https://github.com/acme/api/issues/1',
    );
    expect(sourceUrlFor(page('https://github.com/acme/api/issues/1'), 'https://github.com/acme/api', { toolPage: true })).toBe(
      'https://github.com/acme/api/issues/1',
    );
  });

  it('drops the fragment, then the query, of a link too long to save', () => {
    const long = 'x'.repeat(4_100);
    expect(sourceUrlFor(page(`https://acme.io/p?q=1#${long}`), '', { toolPage: false })).toBe('https://acme.io/p?q=1');
    expect(sourceUrlFor(page(`https://acme.io/p?q=${long}`), '', { toolPage: false })).toBe('https://acme.io/p');
    expect(sourceUrlFor(page(`https://acme.io/${long}`), '', { toolPage: false })).toBeNull();
  });

  it('is null without an http(s) page', () => {
    expect(sourceUrlFor(null, 'https://acme.io/', { toolPage: false })).toBeNull();
  });

  it('ignores an og:url from another origin end to end', () => {
    const result = recognisePage(facts('https://acme.io/post?utm_source=x', 'Post', { 'og:url': 'https://cdn.other.example/post' }));
    expect(result.sourceUrl).toBe('https://acme.io/post');
  });
});
