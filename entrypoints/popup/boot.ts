import type { Browser } from 'wxt/browser';
import { getActiveTab, type TabsPort } from '../../lib/browser/active-tab';
import { peekActiveLeadIds } from '../../lib/db/peek';
import type { PopupBoot } from './popup-boot';
import { showShell } from './shell';

// The global directly, not `wxt/browser`: one module file less to fetch
// before the form can show (each costs milliseconds in an extension page).
const api = (globalThis as unknown as { chrome: typeof Browser }).chrome;

function meOf(profile: unknown): { userId: string; displayName: string } | null {
  const p = profile as { userId?: unknown; displayName?: unknown } | null;
  return typeof p?.userId === 'string' && typeof p.displayName === 'string'
    ? { userId: p.userId, displayName: p.displayName }
    : null;
}

/**
 * The popup's first milliseconds, without React, Dexie or zod (about 2 KB):
 * read my profile, the tab I am looking at, and who leads active incidents,
 * all at once. If the answer is "show the declare form", the static form in
 * index.html is filled and focused right away; then the React app loads and
 * takes over. Every other case (first run, an incident to show, anything
 * unexpected) goes straight to the React app.
 */
async function boot(): Promise<PopupBoot> {
  const [stored, tab, leads] = await Promise.all([
    api.storage.local.get(['profile', 'team']).catch(() => ({}) as Record<string, unknown>),
    getActiveTab(api as unknown as TabsPort),
    peekActiveLeadIds(indexedDB),
  ]);
  const me = meOf(stored.profile);
  const leadsActive = me && leads ? leads.has(me.userId) : null;
  const readShell = me && leadsActive === false ? showShell(me.displayName, tab) : null;
  return { profile: stored.profile, team: stored.team ?? null, tab, leadsActive, readShell };
}

void boot().then(async (state) => {
  // Let the filled form paint before React is parsed and run.
  await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const { mount } = await import('./main');
  mount(state);
});
