import { describe, expect, it } from 'vitest';
import type { PageFacts } from './page-facts';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

describe('recognisePage: any other page', () => {
  it.each([
    ['the page title', facts('https://status.acme.io/incidents/42', 'Elevated checkout errors | Acme Status'), 'Elevated checkout errors | Acme Status'],
    ['og:title when the document has no title', facts('https://blog.acme.io/post', '', { 'og:title': 'Postmortem: 26 Nov' }), 'Postmortem: 26 Nov'],
    ['the host when there is no title at all', facts('https://grafana.acme.io/login', ''), 'Incident on grafana.acme.io'],
    ['the host when the title is only whitespace and controls', facts('https://acme.io/', ' \u0000\t\n\u202e '), 'Incident on acme.io'],
  ])('is titled from %s', (_, page, title) => {
    expect(recognisePage(page)).toEqual({ tool: null, title, sourceUrl: page.url, label: null });
  });

  it('makes the title one line without control characters', () => {
    const page = facts('https://acme.io/', '  Checkout\terrors\r\n spiking\u0007 \u202eesrever\u202c\u0000 ');
    expect(recognisePage(page).title).toBe('Checkout errors spiking esrever');
  });

  it('cuts a 500-character title to 200 with an ellipsis', () => {
    const title = recognisePage(facts('https://acme.io/', 'x'.repeat(500))).title;
    expect(title).toHaveLength(200);
    expect(title).toBe(`${'x'.repeat(199)}…`);
  });

  it('does not split an emoji when cutting', () => {
    const title = recognisePage(facts('https://acme.io/', `${'x'.repeat(198)}🔥🔥🔥`)).title;
    expect(title).toBe(`${'x'.repeat(198)}…`);
    expect(title.isWellFormed()).toBe(true);
  });

  it('cuts a recognised title too', () => {
    const og = `${'Very long issue title '.repeat(20)}· Issue #1 · acme/api`;
    const title = recognisePage(facts('https://github.com/acme/api/issues/1', '', { 'og:title': og })).title;
    expect(title).toHaveLength(200);
    expect(title.startsWith('#1 Very long issue title')).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)', 'Untitled incident'],
    ['chrome://', 'chrome://settings/', 'Untitled incident'],
    ['chrome-extension://', 'chrome-extension://abcdefghijklmnop/popup.html', 'Untitled incident'],
    ['file://', 'file:///Users/me/runbook.html', 'Untitled incident'],
    ['data:', 'data:text/html,<h1>hi</h1>', 'Untitled incident'],
    ['about:blank', 'about:blank', 'Untitled incident'],
    ['not a URL', 'not a url', 'Untitled incident'],
  ])('gives a %s page no source link', (_, url, title) => {
    expect(recognisePage(facts(url, ''))).toEqual({ tool: null, title, sourceUrl: null, label: null });
    expect(recognisePage(facts(url, 'Settings')).title).toBe('Settings');
  });

  it('does not recognise a tool page behind a non-http URL', () => {
    expect(recognisePage(facts('view-source:https://github.com/acme/api/issues/1', 'x')).tool).toBeNull();
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'https://acme.io/'],
    ['an empty object', {}],
    ['numbers for strings', { url: 42, title: 7, meta: { 'og:title': 9 } }],
    ['meta that is not an object', { url: 'https://acme.io/x', title: '', meta: 'og:title' }],
    ['meta with odd values', { url: 'https://github.com/acme/api/issues/1', title: '', meta: { 'og:title': null, 'og:url': {} } }],
    ['a huge URL', { url: `https://acme.io/${'a'.repeat(10_000)}`, title: 'T', meta: {} }],
  ])('never throws on %s', (_, input) => {
    const result = recognisePage(input as PageFacts);
    expect(result.title.length).toBeGreaterThan(0);
    expect(result.sourceUrl === null || /^https?:/.test(result.sourceUrl)).toBe(true);
  });

  it('reads only own meta properties', () => {
    const result = recognisePage(facts('https://acme.io/x', '', { constructor: 'x', toString: 'y' }));
    expect(result.title).toBe('Incident on acme.io');
  });
});
