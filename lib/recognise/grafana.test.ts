import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

describe('recognisePage: Grafana dashboards', () => {
  it.each([
    ['Grafana Cloud', facts('https://acme.grafana.net/d/checkout-latency/checkout-latency?orgId=1&from=now-6h&to=now', 'Checkout latency - Dashboards - Grafana')],
    ['a self-hosted host named grafana', facts('https://grafana.acme.io/d/f3a9c1b2/checkout-latency', 'Checkout latency - Dashboards - Grafana')],
    ['a host without "grafana" whose title says it', facts('https://metrics.acme.io/d/f3a9c1b2/checkout-latency', 'Checkout latency - Dashboards - Grafana')],
    ['a sub-path install', facts('https://ops.acme.io/grafana/d/f3a9c1b2/checkout-latency?viewPanel=4', 'Checkout latency - Grafana')],
    ['an embedded panel', facts('https://grafana.acme.io/d-solo/f3a9c1b2/checkout-latency?panelId=2', 'Checkout latency - Dashboards - Grafana')],
    ['og:title', facts('https://grafana.acme.io/d/f3a9c1b2', 'Grafana', { 'og:title': 'Checkout latency' })],
  ])('names the dashboard on %s', (_, page) => {
    expect(recognisePage(page)).toMatchObject({ tool: 'grafana', label: 'Grafana dashboard', title: 'Checkout latency dashboard' });
  });

  it('does not say "dashboard" twice', () => {
    const page = facts('https://grafana.acme.io/d/k8s/kubernetes-dashboard', 'Kubernetes Dashboard - Dashboards - Grafana');
    expect(recognisePage(page).title).toBe('Kubernetes Dashboard');
  });

  it.each([
    ['the slug when the title is still "Grafana"', facts('https://grafana.acme.io/d/f3a9c1b2/checkout-latency', 'Grafana'), 'Checkout latency dashboard'],
    ['the uid when there is no slug either', facts('https://acme.grafana.net/d/f3a9c1b2', ''), 'Grafana dashboard f3a9c1b2'],
  ])('falls back to %s', (_, page, title) => {
    expect(recognisePage(page)).toMatchObject({ tool: 'grafana', title });
  });

  it('keeps the time range and variables in the source link', () => {
    const url = 'https://grafana.acme.io/d/f3a9c1b2/checkout-latency?orgId=1&var-env=prod&from=now-6h&to=now';
    expect(recognisePage(facts(`${url}&utm_source=slack`, 'Checkout latency - Dashboards - Grafana')).sourceUrl).toBe(url);
  });

  it.each([
    ['Google Drive', facts('https://drive.google.com/file/d/1AbCdEfGh/view', 'Runbook.pdf - Google Drive')],
    ['a /d/ path on a site that does not say Grafana', facts('https://shop.example.com/d/123/shoes', 'Shoes')],
    ['Grafana Explore', facts('https://grafana.acme.io/explore?left=%7B%7D', 'Explore - Grafana')],
  ])('leaves %s alone', (_, page) => {
    expect(recognisePage(page).tool).toBeNull();
  });
});
