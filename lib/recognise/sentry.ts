import { escapeRegExp, segment, withoutSuffixes } from './clean';
import { firstTitle, type Page } from './page';
import type { Recogniser } from './tool';

// sentry.io subdomains that are not organisations.
const NOT_ORGS = new Set(['www', 'docs', 'blog', 'develop', 'status', 'us', 'de', 'sentry']);

/** `<org>.sentry.io/issues/<id>/`, or on any host (self-hosted too) `/organizations/<org>/issues/<id>/`. */
function issueOf(url: URL): { org: string; id: string } | null {
  const longForm = /\/organizations\/([^/]+)\/issues\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (longForm) return { org: segment(longForm[1]!), id: longForm[2]! };
  const host = url.hostname.toLowerCase();
  const org = host.endsWith('.sentry.io') ? host.split('.')[0]! : '';
  const shortForm = /^\/issues\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (shortForm && org && !NOT_ORGS.has(org)) return { org, id: shortForm[1]! };
  return null;
}

/**
 * Sentry titles an issue page "<title>: <message> — <org> — <project>" (older
 * releases use " - "), sometimes behind an unread count "(3) ":
 * https://github.com/getsentry/sentry/blob/master/static/app/views/issueDetails/groupDetails.tsx
 */
function issueTitle(title: string, org: string): string | null {
  const text = withoutSuffixes(title.replace(/^\(\d+\+?\)\s*/, ''), ['Sentry']);
  if (!text || /^issues?$/i.test(text)) return null;
  const sep = '\\s+[—–-]\\s+';
  const tail =
    new RegExp(`^(.+?)${sep}${escapeRegExp(org)}${sep}([^\\s—–]+)$`, 'i').exec(text) ??
    /^(.+?) — [^—]+ — ([^\s—]+)$/.exec(text);
  if (tail) return `${tail[1]} (${tail[2]})`;
  return text;
}

export const recogniseSentry: Recogniser = (page: Page) => {
  const issue = issueOf(page.url);
  if (!issue) return null;
  return {
    tool: 'sentry',
    label: 'Sentry issue',
    title: firstTitle(page, (t) => issueTitle(t, issue.org)) ?? `Sentry issue ${issue.id} (${issue.org})`,
    // Analytics Sentry adds to links in its alert mails and Slack messages (see useTrackView there).
    dropParams: ['referrer', 'notification_uuid', 'alert_rule_id', 'alert_type', 'alert_date', 'alert_timestamp', 'ref_fallback', 'stream_index'],
  };
};
