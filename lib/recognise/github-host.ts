import type { Page } from './page';

/**
 * github.com and GitHub Enterprise Cloud (`<tenant>.ghe.com`); a GitHub
 * Enterprise Server on its own host says so in og:site_name. The path alone
 * would also match Gitea and Forgejo, which use the same `/<owner>/<repo>/issues/<n>`.
 */
export function isGitHub(page: Page): boolean {
  const host = page.url.hostname.toLowerCase();
  if (host === 'github.com' || host === 'www.github.com' || host.endsWith('.ghe.com')) return true;
  return /^github\b/i.test(page.meta('og:site_name'));
}

/** "Payment webhook retries pile up · Issue #123 · acme/api · GitHub" without " · GitHub". */
export function withoutGitHub(title: string): string {
  return title.replace(/\s+·\s+GitHub(?: Enterprise)?$/i, '').trim();
}
