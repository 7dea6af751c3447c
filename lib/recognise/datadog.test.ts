import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

describe('recognisePage: Datadog dashboards and monitors', () => {
  it.each([
    ['a dashboard', facts('https://app.datadoghq.com/dashboard/abc-def-ghi/checkout-api-overview?from_ts=1700000000000&live=true', 'Checkout API Overview | Datadog'), 'Datadog dashboard', 'Checkout API Overview'],
    ['a dashboard on the EU site', facts('https://app.datadoghq.eu/dashboard/x7k-2mq-9pz/payments', 'Payments | Datadog'), 'Datadog dashboard', 'Payments'],
    ['a dashboard on a custom sub-domain', facts('https://acme.datadoghq.com/dashboard/x7k-2mq-9pz', 'Payments | Datadog'), 'Datadog dashboard', 'Payments'],
    ['a classic screenboard', facts('https://us5.datadoghq.com/screen/123456/checkout', 'Checkout board | Datadog'), 'Datadog dashboard', 'Checkout board'],
    ['an integration dashboard', facts('https://app.datadoghq.com/dash/integration/30/aws-ec2-overview', ''), 'Datadog dashboard', 'Aws ec2 overview'],
    ['a monitor', facts('https://app.datadoghq.com/monitors/98765432', '[P1] Checkout error rate above 5% | Datadog'), 'Datadog monitor', '[P1] Checkout error rate above 5%'],
    ['a monitor on US3, by og:title', facts('https://us3.datadoghq.com/monitors/98765432/edit', 'Datadog', { 'og:title': 'Checkout error rate' }), 'Datadog monitor', 'Checkout error rate'],
    ['a monitor in the old hash form', facts('https://app.datadoghq.com/monitors#98765432', 'Checkout error rate | Datadog'), 'Datadog monitor', 'Checkout error rate'],
    ['a monitor on the US1-FED site', facts('https://app.ddog-gov.com/monitors/555', 'Checkout error rate | Datadog'), 'Datadog monitor', 'Checkout error rate'],
  ])('names %s', (_, page, label, title) => {
    expect(recognisePage(page)).toMatchObject({ tool: 'datadog', label, title });
  });

  it.each([
    ['a monitor whose title is still generic', facts('https://app.datadoghq.com/monitors/98765432', 'Monitor Status | Datadog'), 'Datadog monitor 98765432'],
    ['a dashboard without metadata', facts('https://app.datadoghq.com/dashboard/abc-def-ghi', 'Datadog'), 'Datadog dashboard abc-def-ghi'],
    ['a dashboard slug', facts('https://app.datadoghq.com/dashboard/abc-def-ghi/checkout-api-overview', ''), 'Checkout api overview'],
  ])('falls back with %s', (_, page, title) => {
    expect(recognisePage(page).title).toBe(title);
  });

  it.each([
    ['the monitor list', 'https://app.datadoghq.com/monitors/manage'],
    ['log search', 'https://app.datadoghq.com/logs?query=service%3Acheckout'],
    ['the dashboard list', 'https://app.datadoghq.com/dashboard/lists'],
    ['a look-alike host', 'https://datadoghq.com.evil.example/monitors/1'],
  ])('leaves %s alone', (_, url) => {
    expect(recognisePage(facts(url, 'Logs | Datadog')).tool).toBeNull();
  });
});
