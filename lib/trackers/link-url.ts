import { TRACKER_LINK_MAX, TRACKER_LINK_PATTERN } from '../model/limits';
import type { TrackerSettings } from './tracker-settings';

/**
 * Which pasted (or visited) URLs may be stored as a follow-up's tracker issue:
 * https only, and the shape of an issue in a tracker we know, so a search page
 * or a project board is not stored as "the issue":
 *
 * - GitHub: https://github.com/<owner>/<repo>/issues/<n> or /pull/<n>
 * - Linear: https://linear.app/<workspace>/issue/<KEY-n>[/<slug>]
 * - Jira: https://<name>.atlassian.net/browse/<KEY-n>, or the configured Jira
 *   site (a custom domain) with the same /browse/<KEY-n> path
 *
 * The stored URL is the parsed one (host lower-cased, spaces encoded) without
 * its #fragment, which is a place on the page, not the issue.
 */
export const LINK_SHAPE_MESSAGE =
  'That is not a tracker issue link. Paste the address of a GitHub issue or pull request (https://github.com/owner/repo/issues/12), a Linear issue (https://linear.app/team/issue/ENG-12) or a Jira issue (https://yoursite.atlassian.net/browse/ENG-12).';
export const LINK_HTTPS_MESSAGE = 'Only https links to a tracker issue are kept.';

export type TrackerOfLink = 'github' | 'linear' | 'jira';
export type JudgedLink = { ok: true; url: string; tracker: TrackerOfLink; key: string } | { ok: false; error: string };

const GITHUB_PATH = /^\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/(issues|pull)\/([1-9][0-9]{0,9})\/?$/;
const LINEAR_PATH = /^\/([A-Za-z0-9_-]{1,100})\/issue\/([A-Za-z][A-Za-z0-9]{0,9}-[1-9][0-9]{0,9})(?:\/[A-Za-z0-9._~%-]*)?\/?$/;
const JIRA_PATH = /^\/browse\/([A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9})\/?$/;

export function judgeTrackerLink(input: string, settings: TrackerSettings = {}): JudgedLink {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: LINK_SHAPE_MESSAGE };
  }
  if (url.protocol !== 'https:') return { ok: false, error: LINK_HTTPS_MESSAGE };
  if (url.username || url.password || url.port) return { ok: false, error: LINK_SHAPE_MESSAGE };
  url.hash = '';
  const clean = url.href;
  if (clean.length > TRACKER_LINK_MAX || !TRACKER_LINK_PATTERN.test(clean)) return { ok: false, error: LINK_SHAPE_MESSAGE };
  const host = url.hostname;
  if (host === 'github.com') {
    const m = GITHUB_PATH.exec(url.pathname);
    if (m) return { ok: true, url: clean, tracker: 'github', key: `${m[1]}/${m[2]}#${m[4]}` };
  } else if (host === 'linear.app') {
    const m = LINEAR_PATH.exec(url.pathname);
    if (m) return { ok: true, url: clean, tracker: 'linear', key: m[2]!.toUpperCase() };
  } else if (host.endsWith('.atlassian.net') || (settings.jira && url.origin === settings.jira.site)) {
    const m = JIRA_PATH.exec(url.pathname);
    if (m) return { ok: true, url: clean, tracker: 'jira', key: m[1]! };
  }
  return { ok: false, error: LINK_SHAPE_MESSAGE };
}

/** Does this page look like a tracker issue (popup and context menu offer "Link this page")? */
export function looksLikeTrackerIssue(url: string | undefined, settings: TrackerSettings = {}): boolean {
  return !!url && judgeTrackerLink(url, settings).ok;
}

/**
 * Match patterns for the context menu's documentUrlPatterns, so "Link this
 * page to a follow-up" shows only on tracker issues
 * (https://developer.chrome.com/docs/extensions/reference/api/contextMenus#property-createProperties-documentUrlPatterns,
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/menus/create).
 * Broader than judgeTrackerLink (match patterns cannot say "a number"): the
 * click judges the URL again.
 */
export function trackerPagePatterns(settings: TrackerSettings = {}): string[] {
  const patterns = [
    'https://github.com/*/*/issues/*',
    'https://github.com/*/*/pull/*',
    'https://linear.app/*/issue/*',
    'https://*.atlassian.net/browse/*',
  ];
  if (settings.jira && !new URL(settings.jira.site).hostname.endsWith('.atlassian.net')) patterns.push(`${settings.jira.site}/browse/*`);
  return patterns;
}
