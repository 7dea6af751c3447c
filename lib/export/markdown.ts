import type { IncidentDatabase } from '../db/database';
import { NotFoundError } from '../incidents/errors';
import { timelineEntries } from '../incidents/timeline-entries';
import { formatDuration } from '../format/time';
import type { IncidentEvent, ScreenshotEvent } from '../model/event';
import type { Incident } from '../model/incident';
import { namesFromLog, readIncidentRecord } from './incident-record';
import { codeBlock, escapeMarkdown, itemText, markdownLink } from './markdown-text';
import { networkLines } from './markdown-network';
import { readableUtc } from './utc';
import { CHANNEL_IN_SENTENCE as CHANNEL, OUTCOME_REPORT_LABEL as OUTCOME, SEVERITY_LABEL as SEVERITY } from '../model/labels';

export interface MarkdownOptions {
  /** Names for authors; by default, the names leads were given on this incident. */
  nameOf?: (userId: string) => string | undefined;
  /** For an active incident's running time. */
  now?: () => number;
  /** Where a screenshot's image sits beside the report (the evidence pack, lib/evidence/): linked after its entry. */
  imagePath?: (screenshot: ScreenshotEvent) => string | undefined;
}


/**
 * One incident as a Markdown report to paste into Slack, Notion or a doc: the
 * heading, a summary line (times in UTC, so it reads the same for everyone),
 * the summary, follow-ups as a checklist and the timeline as dated bullets.
 * Redacted screenshots are left out; all user text is escaped.
 */
export async function incidentMarkdown(db: IncidentDatabase, incidentId: string, options: MarkdownOptions = {}): Promise<string> {
  const record = await readIncidentRecord(db, incidentId);
  if (!record) throw new NotFoundError('That incident no longer exists on this device.');
  return renderIncidentMarkdown(record.incident, record.events, record.ref, options);
}

/** Copies one incident's Markdown to the clipboard and returns it. */
export async function copyIncidentMarkdown(
  db: IncidentDatabase,
  incidentId: string,
  { clipboard = navigator.clipboard, ...options }: MarkdownOptions & { clipboard?: Pick<Clipboard, 'writeText'> } = {},
): Promise<string> {
  const markdown = await incidentMarkdown(db, incidentId, options);
  await clipboard.writeText(markdown);
  return markdown;
}

export function renderIncidentMarkdown(
  incident: Incident,
  events: readonly IncidentEvent[],
  ref: string,
  { nameOf, now = Date.now, imagePath }: MarkdownOptions = {},
): string {
  const leads = namesFromLog(events);
  const name = (id: string) => nameOf?.(id) ?? leads.get(id);
  const followUpText = new Map(incident.followUps.map((f) => [f.id, f.text]));

  const out: string[] = [`# ${ref} · ${escapeMarkdown(incident.title)}`, summaryLine(incident, now())];
  if (incident.summary) out.push(escapeMarkdown(incident.summary).split('\n').join('  \n'));
  if (incident.sourceUrl) out.push(`Source: ${markdownLink(incident.sourceUrl)}`);
  if (incident.followUps.length) {
    out.push('## Follow-ups', incident.followUps.map((f) => `- [${f.done ? 'x' : ' '}] ${itemText(f.text)}${f.link ? ` (${markdownLink(f.link)})` : ''}`).join('\n'));
  }
  const items = timelineEntries(events).flatMap(({ event: e, original }) => {
    let text = entry(e, followUpText);
    if (text === null) return [];
    // An annotated copy stands where its original was taken, dated and named as the original (as components/Timeline.tsx).
    const taken = original ?? e;
    const author = name(taken.authorId);
    if (original) text = text.replace(/^[^\n]*/, (line) => `${line}, annotated by ${escapeMarkdown(name(e.authorId) || 'a teammate')}`);
    if (e.kind === 'screenshot' && imagePath) text = withImageLinks(text, e, original, imagePath);
    return [`- ${readableUtc(taken.createdAt)}${author ? ` · ${escapeMarkdown(author)}` : ''}: ${text}`];
  });
  out.push('## Timeline', items.join('\n'));
  return `${out.join('\n\n')}\n`;
}

/** The image (and an annotated copy's original) linked after the entry's first line; the paths are ours (ids), not user text. */
function withImageLinks(
  text: string,
  shown: ScreenshotEvent,
  original: ScreenshotEvent | undefined,
  imagePath: (e: ScreenshotEvent) => string | undefined,
): string {
  const link = (e: ScreenshotEvent | undefined, label: string) => {
    const path = e && imagePath(e);
    return path ? [`[${label}](${path})`] : [];
  };
  const links = [...link(shown, 'image'), ...link(original, 'original')];
  return links.length ? text.replace(/^[^\n]*/, (line) => `${line} · ${links.join(' · ')}`) : text;
}

function summaryLine(i: Incident, nowMs: number): string {
  const parts = [`**${SEVERITY[i.severity]}**`];
  if (i.status === 'resolved') parts.push(`Resolved: ${i.outcome ? OUTCOME[i.outcome] : 'no outcome'}`);
  else parts.push('Active');
  parts.push(`Lead: ${escapeMarkdown(i.leadName)}`, `Declared ${readableUtc(i.declaredAt)}`);
  if (i.status === 'resolved' && i.resolvedAt) {
    parts.push(`Resolved ${readableUtc(i.resolvedAt)}`, `Duration ${formatDuration(Date.parse(i.resolvedAt) - Date.parse(i.declaredAt))}`);
  } else {
    parts.push(`Running for ${formatDuration(nowMs - Date.parse(i.declaredAt))}`);
  }
  return parts.join(' · ');
}

/** One timeline entry's text after the date and author, or null for entries a report leaves out. */
function entry(e: IncidentEvent, followUpText: Map<string, string>): string | null {
  switch (e.kind) {
    case 'declared':
      return `Declared a ${SEVERITY[e.body.severity]} incident, “${itemText(e.body.title)}”, led by ${itemText(e.body.leadName)}.`;
    case 'title_changed':
      return `Renamed the incident to “${itemText(e.body.title)}”.`;
    case 'summary_changed':
      return e.body.summary ? `Updated the summary:  \n  ${itemText(e.body.summary)}` : 'Cleared the summary.';
    case 'severity_changed':
      return `Changed the severity to ${SEVERITY[e.body.severity]}.`;
    case 'lead_changed':
      return `Handed the lead to ${itemText(e.body.leadName)}.`;
    case 'status_changed':
      return e.body.status === 'resolved' ? `Resolved: ${OUTCOME[e.body.outcome]}.` : 'Reopened the incident.';
    case 'note': {
      const from = e.body.sourceUrl ? ` (from ${markdownLink(e.body.sourceUrl)})` : '';
      if (e.body.format === 'log') return `Log${from}:\n\n${codeBlock(e.body.text)}`;
      return `${itemText(e.body.text)}${from}`;
    }
    case 'customer_update':
      return `Customer update (${CHANNEL[e.body.channel]}): ${itemText(e.body.text)}`;
    case 'follow_up_added':
      return `Added a follow-up: ${itemText(e.body.text)}`;
    case 'follow_up_done': {
      const text = followUpText.get(e.body.followUpId);
      return `${e.body.done ? 'Completed' : 'Reopened'} the follow-up: ${text === undefined ? '(removed)' : itemText(text)}`;
    }
    case 'follow_up_linked': {
      const text = followUpText.get(e.body.followUpId);
      const name = text === undefined ? '(removed)' : itemText(text);
      return e.body.url ? `Linked the follow-up ${name} to ${markdownLink(e.body.url)}` : `Unlinked the follow-up: ${name}`;
    }
    case 'feedback':
      return `Feedback: ${itemText(e.body.text)}`;
    case 'screenshot':
      return screenshotText(e);
    case 'redacted':
      return e.body.reason === 'replaced' ? 'Redacted a screenshot (replaced by a copy).' : 'Removed a screenshot.';
    case 'reviewed':
      return 'Reviewed the incident.';
    case 'reaction':
      return null; // a reaction is about another entry, not an entry of its own
    default: {
      const unhandled: never = e; // a new kind must decide how it reads in a report
      void unhandled;
      return null;
    }
  }
}

function screenshotText(e: ScreenshotEvent): string {
  const { pageTitle, pageUrl, source, network } = e.body;
  const what = source === 'redacted_copy' ? 'Redacted screenshot' : 'Screenshot';
  const title = pageTitle?.trim() ? ` of ${itemText(pageTitle)}` : '';
  const line = `${what}${title}${pageUrl ? ` (${markdownLink(pageUrl)})` : ''}`;
  // The page's requests as a list nested under the item (lib/export/markdown-network.ts).
  return network ? `${line}\n${networkLines(network)}` : line;
}
