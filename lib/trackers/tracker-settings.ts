import { z } from 'zod';

/**
 * Where follow-ups become issues: set once in Options → Trackers, kept on this
 * device (chrome.storage.local). A tracker is configured when its entry is
 * present. Nothing here is a secret: the prefill URLs (./prefill-url.ts) need
 * no token, only where to open the new-issue page.
 */

// GitHub's own limits: a user or organisation name is 1–39 characters of
// letters, digits and single hyphens, not starting with a hyphen; a repository
// name is letters, digits, '.', '-' and '_' (up to 100).
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GITHUB_REPO = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
const DIGITS = /^[0-9]{1,18}$/;

export const REPO_MESSAGE = 'Enter the GitHub repository as owner/repo, for example acme/web.';
export const JIRA_SITE_MESSAGE = 'Enter the Jira site as https://<name>.atlassian.net, or your own domain with https.';
export const JIRA_PID_MESSAGE = 'The Jira project id (pid) is a number, such as 10000.';
export const JIRA_ISSUE_TYPE_MESSAGE = 'The Jira issue type id is a number, such as 10001.';
export const LINEAR_TEAM_MESSAGE = 'A Linear team key is letters and digits starting with a letter, such as ENG.';

/** A Jira site: https, a host name and nothing else (no user, path, query). Normalised to its origin. */
export function jiraSiteOrigin(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/' && url.pathname !== '') return null;
  if (!/^[a-z0-9.-]+$/.test(url.hostname) || !url.hostname.includes('.')) return null;
  return url.origin;
}

const linearSchema = z.object({
  teamKey: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, LINEAR_TEAM_MESSAGE))
    .optional(),
});

const githubSchema = z.object({
  owner: z.string().regex(GITHUB_OWNER, REPO_MESSAGE),
  repo: z.string().regex(GITHUB_REPO, REPO_MESSAGE),
});

const jiraSchema = z.object({
  site: z
    .string()
    .transform((s, ctx) => {
      const origin = jiraSiteOrigin(s);
      if (!origin) ctx.addIssue({ code: 'custom', message: JIRA_SITE_MESSAGE });
      return origin ?? s;
    }),
  projectId: z.string().trim().regex(DIGITS, JIRA_PID_MESSAGE),
  issueTypeId: z.string().trim().regex(DIGITS, JIRA_ISSUE_TYPE_MESSAGE),
});

export const trackerSettingsSchema = z.object({
  linear: linearSchema.optional(),
  github: githubSchema.optional(),
  jira: jiraSchema.optional(),
});
export type TrackerSettings = z.infer<typeof trackerSettingsSchema>;
export type TrackerKind = keyof TrackerSettings;
export const TRACKER_KINDS = ['linear', 'github', 'jira'] as const satisfies readonly TrackerKind[];
export const TRACKER_NAMES: Record<TrackerKind, string> = { linear: 'Linear', github: 'GitHub', jira: 'Jira' };

/** "owner/repo" as typed (a pasted https://github.com/owner/repo URL too), or a sentence. */
export function parseRepository(input: string): { owner: string; repo: string } | { error: string } {
  const text = input
    .trim()
    .replace(/^https:\/\/github\.com\//i, '')
    .replace(/\.git$|\/$/g, '');
  const parsed = githubSchema.safeParse({ owner: text.split('/')[0] ?? '', repo: text.split('/').slice(1).join('/') });
  return parsed.success ? parsed.data : { error: REPO_MESSAGE };
}

/** What is stored (untrusted: any version may have written it), parsed; anything malformed reads as no trackers. */
export function readTrackerSettings(value: unknown): TrackerSettings {
  const parsed = trackerSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}
