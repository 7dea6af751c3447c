import { segment } from './clean';
import { isGitHub, withoutGitHub } from './github-host';
import { firstTitle, type Page } from './page';
import type { Recogniser } from './tool';

type Found =
  | { kind: 'run'; repo: string; runId: string }
  | { kind: 'workflow'; repo: string; file: string }
  | { kind: 'actions'; repo: string };

function find(url: URL): Found | null {
  const match = /^\/([^/]+)\/([^/]+)\/actions(?:\/(.*))?$/.exec(url.pathname);
  if (!match) return null;
  const repo = `${segment(match[1]!)}/${segment(match[2]!)}`;
  const rest = (match[3] ?? '').replace(/\/+$/, '');
  // A run, one of its jobs (/job/<id>) or attempts (/attempts/<n>).
  const run = /^runs\/(\d+)(?:\/|$)/.exec(rest);
  if (run) return { kind: 'run', repo, runId: run[1]! };
  const workflow = /^workflows\/([^/]+\.ya?ml)$/i.exec(rest);
  if (workflow) return { kind: 'workflow', repo, file: segment(workflow[1]!) };
  return rest === '' ? { kind: 'actions', repo } : null;
}

/** `branch:main workflow:"Deploy to prod"` from the run list's filter box, or a badge's `?branch=`. */
function filters(url: URL): { branch: string | null; workflow: string | null } {
  const query = url.searchParams.get('query') ?? '';
  const value = (key: string) => new RegExp(`(?:^|\\s)${key}:(?:"([^"]+)"|(\\S+))`).exec(query);
  const branch = value('branch');
  const workflow = value('workflow');
  return {
    branch: branch ? (branch[1] ?? branch[2]!) : url.searchParams.get('branch') || null,
    workflow: workflow ? (workflow[1] ?? workflow[2]!) : null,
  };
}

/**
 * GitHub titles a workflow's run list "<workflow> · Workflow runs · <owner>/<repo>",
 * a run or job "<run or job name> · <owner>/<repo>@<sha>" (plus " · GitHub").
 */
function nameIn(title: string, kind: Found['kind']): string | null {
  const text = withoutGitHub(title);
  const pattern =
    kind === 'workflow' ? /^(.+?)\s+·\s+Workflow runs\s+·\s+[^\s·]+\/[^\s·]+$/ : kind === 'run' ? /^(.+?)\s+·\s+[^\s·]+\/[^\s·]+@[0-9a-f]{7,40}$/i : null;
  const match = pattern?.exec(text);
  return match ? match[1]!.trim() : null;
}

export const recogniseGitHubActions: Recogniser = (page: Page) => {
  const found = find(page.url);
  if (!found || !isGitHub(page)) return null;
  const { branch, workflow } = filters(page.url);
  const subject =
    workflow ??
    firstTitle(page, (t) => nameIn(t, found.kind)) ??
    (found.kind === 'run' ? `run ${found.runId}` : found.kind === 'workflow' ? found.file : null);
  const on = branch ? ` on ${branch}` : '';
  return {
    tool: 'github-actions',
    label: found.kind === 'run' ? 'GitHub Actions run' : found.kind === 'workflow' ? 'GitHub Actions workflow' : 'GitHub Actions',
    title: subject ? `CI failing: ${subject}${on} (${found.repo})` : `CI failing${on} (${found.repo})`,
  };
};
