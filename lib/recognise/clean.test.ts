import { describe, expect, it } from 'vitest';
import { clampLine, humanise, oneLine, withoutSuffixes } from './clean';

describe('oneLine', () => {
  it.each([
    ['  a\tb\r\nc  ', 'a b c'],
    ['a\u0000b\u0007c\u009f', 'abc'],
    ['bell \u0007 between', 'bell between'],
    ['\u202eevil\u202c \u2066iso\u2069 \ufeffbom \u200bzw', 'evil iso bom zw'],
    ['👨‍👩‍👧 family', '👨‍👩‍👧 family'],
    [42, ''],
  ])('%j → %j', (input, expected) => {
    expect(oneLine(input)).toBe(expected);
  });
});

describe('clampLine', () => {
  it('leaves a short line alone and cuts a long one with an ellipsis', () => {
    expect(clampLine('short', 10)).toBe('short');
    expect(clampLine('0123456789abc', 10)).toBe('012345678…');
    expect(clampLine('0123 5678 abc', 6)).toBe('0123…');
  });
});

describe('withoutSuffixes', () => {
  it.each([
    ['Checkout latency - Dashboards - Grafana', ['Grafana', 'Dashboards'], 'Checkout latency'],
    ['Payments | Datadog', ['Datadog'], 'Payments'],
    ['Timeout — Sentry', ['Sentry'], 'Timeout'],
    ['Sentry', ['Sentry'], ''],
    ['Grafana-Sentry bridge', ['Sentry'], 'Grafana-Sentry bridge'],
  ])('%s', (title, names, expected) => {
    expect(withoutSuffixes(title, names)).toBe(expected);
  });
});

describe('humanise', () => {
  it.each([
    ['checkout-api_latency', 'Checkout api latency'],
    ['caf%C3%A9-orders', 'Café orders'],
    ['100%-bad', '100% bad'],
  ])('%s → %s', (slug, expected) => {
    expect(humanise(slug)).toBe(expected);
  });
});
