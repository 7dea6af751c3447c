import { issueDescription, type IssueSource } from './issue-text';
import type { TrackerKind, TrackerSettings } from './tracker-settings';

/**
 * The trackers' own "new issue" pages with the title and description filled
 * in: no token, no permission, nothing sent anywhere until the person presses
 * the tracker's own Create button.
 *
 * - Linear: https://linear.new?title=…&description=… (a team's own:
 *   https://linear.app/team/<KEY>/new?…), "Create a new issue URL":
 *   https://linear.app/docs/create-new-issue-urls ("use + … or fully url
 *   encode content … as description can be a markdown document")
 * - GitHub: https://github.com/<owner>/<repo>/issues/new?title=…&body=…,
 *   https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/creating-an-issue#creating-an-issue-from-a-url-query
 * - Jira: <site>/secure/CreateIssueDetails!init.jspa?pid=…&issuetype=…&summary=…&description=…,
 *   Atlassian's "Creating Issues via direct HTML links" (JIRA documentation,
 *   http://product-downloads.atlassian.com/software/jira/downloads/documentation/JIRA%204.3%20Documentation%20(HTML)%2020110328.zip:
 *   "pid=10420&issuetype=1&summary=helloWorld&description=greetings"); GitLab
 *   builds the same URL for Jira Cloud (https://gitlab.com/gitlab-org/gitlab/-/issues/276896).
 *
 * Values are encoded with URLSearchParams (application/x-www-form-urlencoded:
 * a space is "+", everything else outside the unreserved set is %-encoded), so
 * a title holding & = # % or a line break stays one parameter.
 */

/**
 * Browsers take far longer URLs, but servers and proxies commonly refuse a
 * request line over 8 KB (nginx's default large_client_header_buffers is
 * 4 8k: https://nginx.org/en/docs/http/ngx_http_core_module.html#large_client_header_buffers),
 * answering 414 (GitHub's page on creating an issue from a URL query, above,
 * says a URL over its server limit gets "414 URI Too Long"). The whole URL
 * stays under this.
 */
export const MAX_PREFILL_URL = 8_000;
export const CUT_MARKER = '\n\n… (cut to fit a link; the full record is in the incident)';

function withParams(base: string, params: [string, string][]): string {
  return `${base}?${new URLSearchParams(params).toString()}`;
}

function builder(kind: TrackerKind, settings: TrackerSettings): ((title: string, description: string) => string) | null {
  switch (kind) {
    case 'linear': {
      const s = settings.linear;
      if (!s) return null;
      const base = s.teamKey ? `https://linear.app/team/${encodeURIComponent(s.teamKey)}/new` : 'https://linear.new';
      return (title, description) => withParams(base, [['title', title], ['description', description]]);
    }
    case 'github': {
      const s = settings.github;
      if (!s) return null;
      const base = `https://github.com/${encodeURIComponent(s.owner)}/${encodeURIComponent(s.repo)}/issues/new`;
      return (title, body) => withParams(base, [['title', title], ['body', body]]);
    }
    case 'jira': {
      const s = settings.jira;
      if (!s) return null;
      const base = `${s.site}/secure/CreateIssueDetails!init.jspa`;
      return (summary, description) =>
        withParams(base, [['pid', s.projectId], ['issuetype', s.issueTypeId], ['summary', summary], ['description', description]]);
    }
  }
}

/**
 * The prefilled new-issue URL for a follow-up, or null when that tracker is not
 * configured. Over MAX_PREFILL_URL the description is cut (at a whole
 * character, never inside a surrogate pair) and ends with CUT_MARKER; the
 * title (at most 200 characters, lib/model/limits.ts) is never cut.
 */
export function prefillUrl(kind: TrackerKind, settings: TrackerSettings, source: IssueSource): string | null {
  const build = builder(kind, settings);
  if (!build) return null;
  const title = source.followUp;
  const description = issueDescription(source);
  const full = build(title, description);
  if (full.length <= MAX_PREFILL_URL) return full;
  const chars = Array.from(description);
  // Binary search the longest prefix that fits with the marker.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(title, chars.slice(0, mid).join('') + CUT_MARKER).length <= MAX_PREFILL_URL) lo = mid;
    else hi = mid - 1;
  }
  return build(title, chars.slice(0, lo).join('') + CUT_MARKER);
}
