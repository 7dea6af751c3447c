import { describe, expect, it } from 'vitest';
import { judgeTrackerLink, LINK_HTTPS_MESSAGE, LINK_SHAPE_MESSAGE, looksLikeTrackerIssue, trackerPagePatterns } from './link-url';

describe('judgeTrackerLink', () => {
  it.each([
    ['https://github.com/acme/web/issues/42', 'github', 'acme/web#42'],
    ['https://github.com/acme/web/pull/7', 'github', 'acme/web#7'],
    ['https://linear.app/acme/issue/ENG-12/add-an-alert', 'linear', 'ENG-12'],
    ['https://linear.app/acme/issue/ENG-12', 'linear', 'ENG-12'],
    ['https://acme.atlassian.net/browse/OPS-7', 'jira', 'OPS-7'],
  ])('accepts %s', (url, tracker, key) => {
    expect(judgeTrackerLink(url)).toEqual({ ok: true, url, tracker, key });
  });

  it('drops the fragment and normalises the host', () => {
    expect(judgeTrackerLink('  https://GitHub.com/acme/web/issues/42#issuecomment-1 ')).toMatchObject({
      ok: true,
      url: 'https://github.com/acme/web/issues/42',
    });
  });

  it('the configured Jira site (a custom domain) counts; other domains do not', () => {
    const jira = { site: 'https://jira.acme.com', projectId: '1', issueTypeId: '2' };
    expect(judgeTrackerLink('https://jira.acme.com/browse/OPS-7', { jira })).toMatchObject({ ok: true, tracker: 'jira' });
    expect(judgeTrackerLink('https://jira.acme.com/browse/OPS-7')).toEqual({ ok: false, error: LINK_SHAPE_MESSAGE });
    expect(judgeTrackerLink('https://jira.evil.com/browse/OPS-7', { jira })).toEqual({ ok: false, error: LINK_SHAPE_MESSAGE });
  });

  it.each([
    'https://github.com/acme/web',
    'https://github.com/acme/web/issues',
    'https://github.com/acme/web/issues/new',
    'https://github.com/acme/web/issues/0',
    'https://github.com/acme/web/issues/42/extra',
    'https://github.com.evil.com/acme/web/issues/42',
    'https://linear.app/acme/project/x',
    'https://acme.atlassian.net/jira/software/projects/OPS/boards/1',
    'https://user:pw@github.com/acme/web/issues/42',
    'https://github.com:444/acme/web/issues/42',
    'not a url',
    '',
  ])('refuses %s with the shape sentence', (url) => {
    expect(judgeTrackerLink(url)).toEqual({ ok: false, error: LINK_SHAPE_MESSAGE });
  });

  it.each(['http://github.com/acme/web/issues/42', 'javascript:alert(1)', 'data:text/html,x', 'ftp://github.com/a/b/issues/1'])(
    'refuses %s: https only',
    (url) => {
      expect(judgeTrackerLink(url)).toEqual({ ok: false, error: LINK_HTTPS_MESSAGE });
    },
  );

  it('looksLikeTrackerIssue and the menu patterns', () => {
    expect(looksLikeTrackerIssue('https://github.com/acme/web/issues/42')).toBe(true);
    expect(looksLikeTrackerIssue('https://example.com/')).toBe(false);
    expect(looksLikeTrackerIssue(undefined)).toBe(false);
    expect(trackerPagePatterns()).toContain('https://github.com/*/*/issues/*');
    expect(trackerPagePatterns({ jira: { site: 'https://jira.acme.com', projectId: '1', issueTypeId: '2' } })).toContain(
      'https://jira.acme.com/browse/*',
    );
  });
});
