import { describe, expect, it } from 'vitest';
import { CUT_MARKER, MAX_PREFILL_URL, prefillUrl } from './prefill-url';
import type { IssueSource } from './issue-text';
import type { TrackerSettings } from './tracker-settings';

const settings: TrackerSettings = {
  linear: {},
  github: { owner: 'acme', repo: 'web.app' },
  jira: { site: 'https://acme.atlassian.net', projectId: '10000', issueTypeId: '10001' },
};
const source = (patch: Partial<IssueSource['incident']> = {}, followUp = 'Alert on pool exhaustion'): IssueSource => ({
  followUp,
  incident: { ref: 'INC-12', title: 'Checkout 500s', summary: 'Stripe webhooks fail.', sourceUrl: 'https://sentry.io/issues/1/', ...patch },
});

describe('prefillUrl', () => {
  it('GitHub: /owner/repo/issues/new with title and body', () => {
    const url = new URL(prefillUrl('github', settings, source())!);
    expect(url.origin + url.pathname).toBe('https://github.com/acme/web.app/issues/new');
    expect(url.searchParams.get('title')).toBe('Alert on pool exhaustion');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('Follow-up from incident INC-12: Checkout 500s');
    expect(body).toContain('Declared from: https://sentry.io/issues/1/');
    expect(body).toContain('Stripe webhooks fail.');
    expect([...url.searchParams.keys()]).toEqual(['title', 'body']);
  });

  it('Linear: linear.new, or the team’s own new-issue page with a team key', () => {
    const plain = new URL(prefillUrl('linear', settings, source())!);
    expect(plain.origin + plain.pathname).toBe('https://linear.new/');
    expect(plain.searchParams.get('title')).toBe('Alert on pool exhaustion');
    expect(plain.searchParams.get('description')).toContain('INC-12');
    const team = new URL(prefillUrl('linear', { linear: { teamKey: 'ENG' } }, source())!);
    expect(team.origin + team.pathname).toBe('https://linear.app/team/ENG/new');
  });

  it('Jira: CreateIssueDetails!init.jspa with pid, issuetype, summary and description', () => {
    const url = new URL(prefillUrl('jira', settings, source())!);
    expect(url.origin + url.pathname).toBe('https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa');
    expect([...url.searchParams.entries()].slice(0, 3)).toEqual([
      ['pid', '10000'],
      ['issuetype', '10001'],
      ['summary', 'Alert on pool exhaustion'],
    ]);
    expect(url.searchParams.get('description')).toContain('Checkout 500s');
  });

  it('an unconfigured tracker has no URL', () => {
    expect(prefillUrl('github', {}, source())).toBeNull();
    expect(prefillUrl('jira', { github: settings.github }, source())).toBeNull();
  });

  it('a hostile title stays one parameter: & = # % + ? line breaks and markup are encoded', () => {
    const hostile = 'a&title=pwned#x %41 +1 ?q=<script>alert(1)</script>';
    const url = prefillUrl('github', settings, source({ title: 'x\n&body=evil' }, hostile))!;
    expect(url).not.toContain('<script>');
    expect(url).not.toContain('#x');
    const params = new URL(url).searchParams;
    expect(params.getAll('title')).toEqual([hostile]);
    expect(params.getAll('body')).toHaveLength(1);
    expect(params.get('body')).toContain('x\n&body=evil');
  });

  it('a long summary is cut with a marker so the whole URL stays under the limit, at a whole character', () => {
    const summary = '🔥'.repeat(2_000); // 2,000 four-byte characters: 24,000 encoded
    for (const kind of ['github', 'linear', 'jira'] as const) {
      const url = prefillUrl(kind, settings, source({ summary }))!;
      expect(url.length).toBeLessThanOrEqual(MAX_PREFILL_URL);
      const description = new URL(url).searchParams.get(kind === 'github' ? 'body' : 'description')!;
      expect(description.endsWith(CUT_MARKER)).toBe(true);
      expect(description).not.toMatch(/\uFFFD/); // never a broken surrogate pair
      expect(description.length).toBeGreaterThan(500); // cut, not emptied
    }
  });

  it('a short description is not cut', () => {
    const url = prefillUrl('github', settings, source())!;
    expect(new URL(url).searchParams.get('body')).not.toContain(CUT_MARKER.trim());
  });
});
