import { humanise, segment } from './clean';
import type { Page } from './page';
import type { Recogniser } from './tool';

// The dashboard's names for its log sources (Logs & Analytics sidebar).
const KINDS: Record<string, string> = {
  'postgres-logs': 'Postgres',
  'edge-logs': 'API Gateway',
  'auth-logs': 'Auth',
  'storage-logs': 'Storage',
  'realtime-logs': 'Realtime',
  'edge-functions-logs': 'Edge Functions',
  'pooler-logs': 'Pooler',
  'postgrest-logs': 'PostgREST',
  'pgcron-logs': 'Cron',
  'cron-logs': 'Cron',
};

function kindName(slug: string): string {
  if (Object.prototype.hasOwnProperty.call(KINDS, slug)) return KINDS[slug]!;
  return humanise(slug.replace(/-logs$/, ''));
}

/**
 * `supabase.com/dashboard/project/<ref>/logs/<kind>` (and the older
 * `app.supabase.com/project/<ref>/logs/<kind>`), plus one Edge Function's logs
 * at `…/project/<ref>/functions/<slug>/logs`.
 */
export const recogniseSupabaseLogs: Recogniser = (page: Page) => {
  const host = page.url.hostname.toLowerCase();
  const prefix = host === 'supabase.com' || host === 'www.supabase.com' ? '/dashboard' : host === 'app.supabase.com' ? '' : null;
  if (prefix === null || !page.url.pathname.startsWith(`${prefix}/project/`)) return null;
  const path = page.url.pathname.slice(prefix.length);
  const logs = /^\/project\/([a-z0-9]+)\/logs\/([a-z0-9-]+)(?:\/|$)/.exec(path);
  const fn = /^\/project\/([a-z0-9]+)\/functions\/([^/]+)\/logs(?:\/|$)/.exec(path);
  if (!logs && !fn) return null;
  let title: string;
  if (logs) {
    const [, ref, kind] = logs;
    title = kind === 'explorer' ? `Supabase Logs Explorer (${ref})` : `Supabase ${kindName(kind!)} logs (${ref})`;
  } else {
    const [, ref, slug] = fn!;
    title = `Supabase ${segment(slug!)} Edge Function logs (${ref})`;
  }
  return { tool: 'supabase-logs', label: 'Supabase logs', title };
};
