import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

const TITLE = "TypeError: Cannot read properties of undefined — acme — checkout-api";

describe('recognisePage: Sentry issues', () => {
  it.each([
    ['a customer domain', facts('https://acme.sentry.io/issues/4512345678/?project=4504&query=is%3Aunresolved', TITLE)],
    ['the organisations path on sentry.io', facts('https://sentry.io/organizations/acme/issues/4512345678/', TITLE)],
    ['an event of the issue', facts('https://acme.sentry.io/issues/4512345678/events/9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e/', TITLE)],
    ['self-hosted', facts('https://sentry.internal.acme.io/organizations/acme/issues/8812/', TITLE)],
    ['self-hosted below a sub-path', facts('https://ops.acme.io/sentry/organizations/acme/issues/8812/', TITLE)],
    ['an unread count before the title', facts('https://acme.sentry.io/issues/4512345678/', `(3) ${TITLE}`)],
    ['the older " - " separators', facts('https://sentry.acme.io/organizations/acme/issues/8812/', 'TypeError: Cannot read properties of undefined - acme - checkout-api')],
    ['og:title over the static document title', facts('https://acme.sentry.io/issues/4512345678/', 'Sentry', { 'og:title': TITLE })],
    ['a " — Sentry" suffix', facts('https://acme.sentry.io/issues/4512345678/', `${TITLE} — Sentry`)],
  ])('names the issue and its project from %s', (_, page) => {
    expect(recognisePage(page)).toMatchObject({
      tool: 'sentry',
      label: 'Sentry issue',
      title: 'TypeError: Cannot read properties of undefined (checkout-api)',
    });
  });

  it('keeps a title that has no org and project tail', () => {
    expect(recognisePage(facts('https://acme.sentry.io/issues/4512345678/', 'Timeout in checkout — Sentry')).title).toBe(
      'Timeout in checkout',
    );
  });

  it.each([
    ['no metadata at all', facts('https://acme.sentry.io/issues/4512345678/', '')],
    ['only the boilerplate title', facts('https://acme.sentry.io/issues/4512345678/', 'Sentry', { 'og:title': 'Sentry' })],
  ])('falls back to the issue id with %s', (_, page) => {
    expect(recognisePage(page)).toMatchObject({ tool: 'sentry', title: 'Sentry issue 4512345678 (acme)' });
  });

  it('drops the analytics Sentry adds to alert links, keeps the project', () => {
    const page = facts(
      'https://acme.sentry.io/issues/4512345678/?alert_rule_id=15&alert_type=issue&notification_uuid=0b6b&project=4504&referrer=slack',
      TITLE,
    );
    expect(recognisePage(page).sourceUrl).toBe('https://acme.sentry.io/issues/4512345678/?project=4504');
  });

  it.each([
    ['the issue list', 'https://acme.sentry.io/issues/?query=is%3Aunresolved'],
    ['the marketing site', 'https://sentry.io/for/javascript/'],
    ['the docs', 'https://docs.sentry.io/issues/123/'],
    ['an issue path on an unrelated host', 'https://example.com/issues/123/'],
  ])('leaves %s alone', (_, url) => {
    expect(recognisePage(facts(url, 'Some page')).tool).toBeNull();
  });
});
