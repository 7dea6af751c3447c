import { segment } from './clean';
import type { Page } from './page';
import type { Recogniser } from './tool';

// vercel.com/<first segment> routes that are not teams.
const NOT_TEAMS = new Set(['docs', 'blog', 'templates', 'guides', 'changelog', 'kb', 'new', 'integrations', 'marketplace', 'account', 'api']);

/**
 * A deployment in the dashboard: `vercel.com/<team>/<project>/<deployment id>`
 * (the id without its `dpl_` prefix, long mixed-case base58). The project's
 * other pages (`/deployments`, `/logs`, `/settings`, `/speed-insights` …) are
 * lower-case words, which the id test leaves out.
 */
function deploymentOf(url: URL): { project: string; id: string } | null {
  const host = url.hostname.toLowerCase();
  if (host !== 'vercel.com' && host !== 'www.vercel.com') return null;
  const match = /^\/([^/]+)\/([^/]+)\/(?:dpl_)?([A-Za-z0-9]{16,})(?:\/|$)/.exec(url.pathname);
  if (!match || NOT_TEAMS.has(match[1]!.toLowerCase())) return null;
  const id = match[3]!;
  if (!/[A-Z0-9]/.test(id)) return null;
  return { project: segment(match[2]!), id };
}

export const recogniseVercel: Recogniser = (page: Page) => {
  const deployment = deploymentOf(page.url);
  if (!deployment) return null;
  // Nine characters: short enough to say on a call, unique among a project's deployments.
  return { tool: 'vercel', label: 'Vercel deployment', title: `Deployment ${deployment.id.slice(0, 9)} of ${deployment.project}` };
};
