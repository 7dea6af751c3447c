import { incidentName, type Announcement } from './announcement';
import { LONG_TEXT_MAX, truncate } from './text';

/**
 * Slack and Mattermost both take `{ text }`: the same lines and the same emoji
 * shortcodes, written in two dialects that differ in escaping, bold, quotes
 * and links (format-slack.ts and format-mattermost.ts say how, and cite).
 */
export interface ChatDialect {
  escape(text: string): string;
  bold(text: string): string;
  /** What starts each line of a quoted customer update. */
  quote: string;
  link(url: string, label: string): string;
}

const EMOJI: Record<Announcement['what'], string> = {
  declared: ':rotating_light:',
  raised_to_major: ':rotating_light:',
  resolved: ':white_check_mark:',
  lead_changed: ':bust_in_silhouette:',
  customer_update: ':speech_balloon:',
  test: ':wave:',
};

export function chatText(a: Announcement, d: ChatDialect): string {
  const emoji = a.what === 'declared' && a.incident.severity === 'minor' ? ':large_yellow_circle:' : EMOJI[a.what];
  const lines = [`${emoji} ${d.escape(a.headline)}: ${d.bold(d.escape(truncate(incidentName(a), 300)))}`];
  lines.push(`Lead: ${d.escape(a.incident.leadName)}${a.incident.outcome ? ` · Outcome: ${d.escape(a.incident.outcome)}` : ''}`);
  if (a.customerUpdate) lines.push(`${d.quote}${d.escape(truncate(a.customerUpdate.text, LONG_TEXT_MAX)).replace(/\n/g, `\n${d.quote}`)}`);
  else if (a.incident.summary) lines.push(d.escape(truncate(a.incident.summary, LONG_TEXT_MAX)));
  if (a.incident.link) lines.push(d.link(a.incident.link, 'Declared from this page'));
  return lines.join('\n');
}
