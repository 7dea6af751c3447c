import { humanise, withoutSuffixes } from './clean';
import { firstTitle, type Page } from './page';
import type { Recogniser } from './tool';

// app./us3./us5./ap1. and custom sub-domains of datadoghq.com, datadoghq.eu, and the US1-FED site.
const HOST = /(^|\.)(datadoghq\.com|datadoghq\.eu|ddog-gov\.com)$/i;

type Found = { kind: 'dashboard' | 'monitor'; id: string; slug?: string | undefined };

function find(url: URL): Found | null {
  const path = url.pathname;
  const dashboard = /^\/dashboard\/([a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3})(?:\/([^/]+))?/i.exec(path);
  if (dashboard) return { kind: 'dashboard', id: dashboard[1]!, slug: dashboard[2] };
  // Classic timeboards and screenboards, and the integration dashboards built on them.
  const classic = /^\/(?:dash|screen)\/(?:integration\/)?(\d+)(?:\/([^/]+))?/.exec(path);
  if (classic) return { kind: 'dashboard', id: classic[1]!, slug: classic[2] };
  const monitor = /^\/monitors\/(\d+)(?:\/|$)/.exec(path) ?? (/^\/monitors\/?$/.test(path) ? /^#(\d+)/.exec(url.hash) : null);
  if (monitor) return { kind: 'monitor', id: monitor[1]! };
  return null;
}

// What Datadog's own chrome calls a page, which names nothing in particular.
const GENERIC = /^(datadog|dashboards?|dashboard list|monitors?|monitor status|manage monitors|edit monitor)$/i;

function name(title: string): string | null {
  const text = withoutSuffixes(title, ['Datadog']);
  return text && !GENERIC.test(text) ? text : null;
}

export const recogniseDatadog: Recogniser = (page: Page) => {
  if (!HOST.test(page.url.hostname)) return null;
  const found = find(page.url);
  if (!found) return null;
  const fallback = found.slug ? humanise(found.slug) : `Datadog ${found.kind} ${found.id}`;
  return {
    tool: 'datadog',
    label: found.kind === 'monitor' ? 'Datadog monitor' : 'Datadog dashboard',
    title: firstTitle(page, name) ?? fallback,
  };
};
