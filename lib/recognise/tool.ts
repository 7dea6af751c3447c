import type { Page } from './page';

export type ToolId = 'sentry' | 'grafana' | 'datadog' | 'github-issue' | 'github-actions' | 'vercel' | 'supabase-logs';

/** A tool page, as one recogniser reads it. */
export interface Recognised {
  tool: ToolId;
  /** Short human name for what the page is: "Sentry issue", "Grafana dashboard". */
  label: string;
  /** The incident title; the caller makes it one clean line of at most TITLE_MAX characters. */
  title: string;
  /** Query parameters this tool adds for its own analytics, dropped from the source link. */
  dropParams?: readonly string[];
}

/** Matches on the URL shape first; null when the page is not this tool's. */
export type Recogniser = (page: Page) => Recognised | null;
