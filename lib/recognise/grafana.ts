import { humanise, segment, withoutSuffixes } from './clean';
import { firstTitle, type Page } from './page';
import type { Recogniser } from './tool';

// `/d/<uid>/<slug>`, `/d/<uid>` and the embeddable `/d-solo/…`, also below a
// sub-path (`/grafana/d/…`, Grafana's serve_from_sub_path).
const DASHBOARD = /(?:^|\/)d(?:-solo)?\/([A-Za-z0-9_-]{1,40})(?:\/([^/]+))?(?:\/|$)/;

/**
 * `/d/<uid>/…` alone would also match Google Drive (`/file/d/<id>/view`), so a
 * self-hosted Grafana must also say it is one: in its host, its title or its metadata.
 */
function saysGrafana(page: Page): boolean {
  if (/grafana/i.test(page.url.hostname)) return true;
  if (page.titles.some((t) => /\s-\sGrafana$/i.test(t))) return true;
  return ['og:site_name', 'application-name', 'apple-mobile-web-app-title'].some((n) => /^grafana$/i.test(page.meta(n)));
}

/**
 * Grafana titles a dashboard "<title> - Dashboards - Grafana" (page, section, app title):
 * https://github.com/grafana/grafana/blob/main/public/app/core/components/Page/usePageTitle.ts
 */
function dashboardName(title: string): string | null {
  const name = withoutSuffixes(title, ['Grafana', 'Dashboards']);
  return name && !/^(home|dashboards?)$/i.test(name) ? name : null;
}

export const recogniseGrafana: Recogniser = (page: Page) => {
  const match = DASHBOARD.exec(page.url.pathname);
  if (!match || !saysGrafana(page)) return null;
  const [, uid, slug] = match;
  const name = firstTitle(page, dashboardName) ?? (slug ? humanise(slug) : '');
  return {
    tool: 'grafana',
    label: 'Grafana dashboard',
    title: !name ? `Grafana dashboard ${segment(uid!)}` : /\bdashboard$/i.test(name) ? name : `${name} dashboard`,
  };
};
