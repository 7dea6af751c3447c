// The same bound as httpUrlSchema in lib/model/incident-fields.ts (kept apart so
// this module loads without zod): a longer link would fail to save.
const URL_MAX = 4_096;

// Campaign and click identifiers added by mail, ads and social links: they say
// how someone arrived, not what they were looking at.
const TRACKING = /^(utm_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|yclid|twclid|_hsenc|_hsmi|mkt_tok)$/i;

const trimmedPath = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';

/**
 * og:url when it is a same-origin http(s) address for this page. On a recognised
 * tool page it may only tidy the address (same path), never move it; elsewhere a
 * site-wide og:url (just the origin, as single-page apps often ship) says nothing
 * about a deeper page and is ignored.
 */
function fromOgUrl(page: URL, ogUrl: string, toolPage: boolean): URL | null {
  if (!ogUrl) return null;
  let og: URL;
  try {
    og = new URL(ogUrl, page);
  } catch {
    return null;
  }
  if (og.origin !== page.origin) return null; // also rules out every scheme but the page's http(s)
  const samePath = trimmedPath(og) === trimmedPath(page);
  if (toolPage && !samePath) return null;
  if (!samePath && trimmedPath(og) === '/') return null;
  if (samePath && !og.hash) og.hash = page.hash; // keep "#issuecomment-…" and the like
  return og;
}

/** Removes tracking parameters without re-encoding the ones that stay (`+` vs `%20` matters to some apps). */
function withoutParams(url: URL, drop: readonly string[]): void {
  if (!url.search) return;
  const pairs = url.search.slice(1).split('&');
  const kept = pairs.filter((pair) => {
    const raw = pair.split('=', 1)[0] ?? '';
    let name = raw;
    try {
      name = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      // keep the raw name
    }
    return !TRACKING.test(name) && !drop.includes(name);
  });
  if (kept.length !== pairs.length) url.search = kept.join('&');
}

/**
 * The link to keep with the incident: the canonical address of the page, only
 * ever http(s), without credentials or tracking parameters, short enough to save.
 */
export function sourceUrlFor(
  page: URL | null,
  ogUrl: string,
  { toolPage, dropParams = [] }: { toolPage: boolean; dropParams?: readonly string[] },
): string | null {
  if (!page) return null;
  const url = new URL((fromOgUrl(page, ogUrl, toolPage) ?? page).href);
  url.username = '';
  url.password = '';
  withoutParams(url, dropParams);
  // Too long to save: the fragment goes first, then the query; the page itself stays.
  if (url.href.length > URL_MAX) url.hash = '';
  if (url.href.length > URL_MAX) url.search = '';
  return url.href.length > URL_MAX ? null : url.href;
}
