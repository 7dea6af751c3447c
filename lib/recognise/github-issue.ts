import { escapeRegExp, segment } from './clean';
import { isGitHub, withoutGitHub } from './github-host';
import { firstTitle, type Page } from './page';
import type { Recogniser } from './tool';

/** "<title> · Issue #<n> · <owner>/<repo>" (og:title; the document title adds " · GitHub"). */
function issueName(title: string, number: string): string | null {
  const match = new RegExp(`^(.+?)\\s+·\\s+Issue #${escapeRegExp(number)}\\s+·\\s+[^\\s·]+/[^\\s·]+$`).exec(withoutGitHub(title));
  return match ? match[1]!.trim() : null;
}

export const recogniseGitHubIssue: Recogniser = (page: Page) => {
  const match = /^\/([^/]+)\/([^/]+)\/issues\/(\d+)(?:\/|$)/.exec(page.url.pathname);
  if (!match || !isGitHub(page)) return null;
  const repo = `${segment(match[1]!)}/${segment(match[2]!)}`;
  const number = match[3]!;
  const name = firstTitle(page, (t) => issueName(t, number));
  return {
    tool: 'github-issue',
    label: 'GitHub issue',
    title: name ? `#${number} ${name} (${repo})` : `Issue #${number} (${repo})`,
    // Added to links in GitHub's notification mails.
    dropParams: ['notification_referrer_id'],
  };
};
