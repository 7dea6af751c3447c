/**
 * What a new tracker issue says, before it is put in a URL (./prefill-url.ts).
 * Plain text with Markdown-friendly lines: GitHub and Linear render Markdown,
 * Jira shows the lines as typed.
 */
export interface IssueSource {
  followUp: string;
  incident: {
    /** INC-12 when the team numbered it, else the end of its id (lib/export/incident-ref.ts). */
    ref: string;
    title: string;
    summary: string;
    /** The page the incident was declared from (a Sentry issue, a dashboard): the one link anyone can open. */
    sourceUrl: string | null;
  };
}

/**
 * The link: an extension page (chrome-extension://…/report.html) opens only
 * in a browser with this extension, and in Firefox not even there (each
 * install has its own moz-extension UUID:
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/web_accessible_resources),
 * so the issue carries the incident's reference, which every teammate finds
 * in the side panel's search, and the page it was declared from.
 */
export function issueDescription({ followUp, incident }: IssueSource): string {
  const lines = [`Follow-up from incident ${incident.ref}: ${incident.title}`, ''];
  lines.push(`Incident: ${incident.ref} (search for it in the Incident capture side panel)`);
  if (incident.sourceUrl) lines.push(`Declared from: ${incident.sourceUrl}`);
  if (incident.summary.trim()) lines.push('', 'Summary:', incident.summary.trim());
  lines.push('', `Follow-up: ${followUp}`);
  return lines.join('\n');
}
