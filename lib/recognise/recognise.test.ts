import { describe, expect, it } from 'vitest';
import type { PageFacts } from './page-facts';
import { recognisePage, recogniseTool } from './recognise';
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

describe('recogniseTool', () => {
  // Every http(s) address the recognisers' own tests use, tool pages and others, plus odd input.
  const urls = [
  'https://acme.datadoghq.com/dashboard/x7k-2mq-9pz',
  'https://acme.ghe.com/acme/api/issues/123',
  'https://acme.grafana.net/d/checkout-latency/checkout-latency?orgId=1&from=now-6h&to=now',
  'https://acme.grafana.net/d/f3a9c1b2',
  'https://acme.io/',
  'https://acme.io/post?utm_source=x',
  'https://acme.io/x',
  'https://acme.sentry.io/issues/4512345678/',
  'https://acme.sentry.io/issues/4512345678/?project=4504&query=is%3Aunresolved',
  'https://acme.sentry.io/issues/4512345678/events/9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e/',
  'https://app.datadoghq.com/dash/integration/30/aws-ec2-overview',
  'https://app.datadoghq.com/dashboard/abc-def-ghi',
  'https://app.datadoghq.com/dashboard/abc-def-ghi/checkout-api-overview',
  'https://app.datadoghq.com/dashboard/abc-def-ghi/checkout-api-overview?from_ts=1700000000000&live=true',
  'https://app.datadoghq.com/monitors#98765432',
  'https://app.datadoghq.com/monitors/98765432',
  'https://app.datadoghq.eu/dashboard/x7k-2mq-9pz/payments',
  'https://app.ddog-gov.com/monitors/555',
  'https://blog.acme.io/post',
  'https://drive.google.com/file/d/1AbCdEfGh/view',
  'https://git.acme.io/acme/api/issues/123',
  'https://github.com/acme/api/actions',
  'https://github.com/acme/api/actions/runs/9876543210',
  'https://github.com/acme/api/actions/runs/9876543210/attempts/2',
  'https://github.com/acme/api/actions/runs/9876543210/job/27123456789',
  'https://github.com/acme/api/actions/workflows/ci.yml',
  'https://github.com/acme/api/actions/workflows/ci.yml?query=branch%3Amain',
  'https://github.com/acme/api/actions/workflows/deploy.yaml?branch=release%2F2.4',
  'https://github.com/acme/api/actions?query=workflow%3A%22End+to+end%22+branch%3Amain+is%3Afailure',
  'https://github.com/acme/api/issues/1',
  'https://github.com/acme/api/issues/123#issuecomment-2210987654',
  'https://github.com/acme/api/issues/123',
  'https://github.com/acme/api/issues/7',
  'https://grafana.acme.io/d-solo/f3a9c1b2/checkout-latency?panelId=2',
  'https://grafana.acme.io/d/f3a9c1b2',
  'https://grafana.acme.io/d/f3a9c1b2/checkout-latency',
  'https://grafana.acme.io/d/k8s/kubernetes-dashboard',
  'https://grafana.acme.io/explore?left=%7B%7D',
  'https://grafana.acme.io/login',
  'https://metrics.acme.io/d/f3a9c1b2/checkout-latency',
  'https://ops.acme.io/grafana/d/f3a9c1b2/checkout-latency?viewPanel=4',
  'https://ops.acme.io/sentry/organizations/acme/issues/8812/',
  'https://sentry.acme.io/organizations/acme/issues/8812/',
  'https://sentry.internal.acme.io/organizations/acme/issues/8812/',
  'https://sentry.io/organizations/acme/issues/4512345678/',
  'https://shop.example.com/d/123/shoes',
  'https://status.acme.io/incidents/42',
  'https://us3.datadoghq.com/monitors/98765432/edit',
  'https://us5.datadoghq.com/screen/123456/checkout',
    'https://vercel.com/acme/web/deployments',
    'http://localhost:3000/d/abc/grafana',
    'chrome://settings',
    'not a url',
    '',
  ];

  it('names the tool recognisePage names for the URL alone, for every address the recognisers are tested on', () => {
    const tools = urls.map((url) => [url, recogniseTool(url)]);
    expect(tools).toEqual(urls.map((url) => [url, recognisePage({ url, title: '', meta: {} }).tool]));
    // Both kinds are among them: the check is not all nulls.
    expect(new Set(tools.map(([, tool]) => tool))).toEqual(
      new Set([null, 'sentry', 'grafana', 'datadog', 'github-issue', 'github-actions']),
    );
  });
});
