import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

const OG = 'Payment webhook retries pile up · Issue #123 · acme/api';

describe('recognisePage: GitHub issues', () => {
  it.each([
    ['og:title', facts('https://github.com/acme/api/issues/123', `${OG} · GitHub`, { 'og:title': OG, 'og:site_name': 'GitHub' })],
    ['the document title alone', facts('https://github.com/acme/api/issues/123', `${OG} · GitHub`)],
    ['twitter:title', facts('https://github.com/acme/api/issues/123', '', { 'twitter:title': OG })],
    ['a comment anchor', facts('https://github.com/acme/api/issues/123#issuecomment-2210987654', `${OG} · GitHub`)],
    ['GitHub Enterprise Cloud', facts('https://acme.ghe.com/acme/api/issues/123', `${OG} · GitHub`)],
    ['GitHub Enterprise Server', facts('https://git.acme.io/acme/api/issues/123', `${OG} · GitHub Enterprise`, { 'og:site_name': 'GitHub' })],
  ])('names the issue from %s', (_, page) => {
    expect(recognisePage(page)).toMatchObject({
      tool: 'github-issue',
      label: 'GitHub issue',
      title: '#123 Payment webhook retries pile up (acme/api)',
    });
  });

  it('keeps " · " inside the issue title', () => {
    const page = facts('https://github.com/acme/api/issues/7', 'Retry · backoff broken · Issue #7 · acme/api · GitHub');
    expect(recognisePage(page).title).toBe('#7 Retry · backoff broken (acme/api)');
  });

  it.each([
    ['no metadata', facts('https://github.com/acme/api/issues/123', '')],
    ['a title for another issue (stale after client-side navigation)', facts('https://github.com/acme/api/issues/123', 'Other · Issue #99 · acme/api · GitHub')],
  ])('falls back to the number with %s', (_, page) => {
    expect(recognisePage(page).title).toBe('Issue #123 (acme/api)');
  });

  it('uses og:url as the source link, dropping notification tracking and keeping the anchor', () => {
    const page = facts(
      'https://github.com/acme/api/issues/123?notification_referrer_id=NT_kwDOA#issuecomment-1',
      `${OG} · GitHub`,
      { 'og:url': 'https://github.com/acme/api/issues/123' },
    );
    expect(recognisePage(page).sourceUrl).toBe('https://github.com/acme/api/issues/123#issuecomment-1');
  });

  it.each([
    ['a pull request', 'https://github.com/acme/api/pull/124'],
    ['the issue list', 'https://github.com/acme/api/issues?q=is%3Aopen'],
    ['a Gitea issue (same path, not GitHub)', 'https://gitea.acme.io/acme/api/issues/123'],
  ])('leaves %s alone', (_, url) => {
    expect(recognisePage(facts(url, 'Something')).tool).toBeNull();
  });
});
