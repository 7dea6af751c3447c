import { formatDuration } from '../format/time';
import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';

/**
 * What goes to the team's Slack channel: declaring and resolving Major
 * incidents (Minor ones are for visibility in the side panel, not a ping).
 * Only my own events are posted, so a team with several members posts once.
 */
export function slackMessageFor(event: IncidentEvent, incident: Incident | undefined, me: string): string | null {
  if (!incident || event.authorId !== me || incident.severity !== 'major') return null;
  if (event.kind === 'declared' || (event.kind === 'severity_changed' && event.body.severity === 'major')) {
    return `:rotating_light: Major incident: *${slackText(incident.title)}*, ${slackText(incident.leadName)} is leading.${
      incident.summary ? `\n${slackText(incident.summary)}` : ''
    }`;
  }
  if (event.kind === 'status_changed' && event.body.status === 'resolved') {
    const took = formatDuration(Date.parse(event.createdAt) - Date.parse(incident.declaredAt));
    const outcome = { fixed: 'fixed', deferred: 'deferred, follow-ups logged', no_action: 'no action needed' }[event.body.outcome];
    return `:white_check_mark: Resolved (${outcome}) after ${took}: *${slackText(incident.title)}*`;
  }
  return null;
}

/** Slack's mrkdwn treats &, < and > as control characters: escape them (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Posts to an incoming webhook; a refusal or network failure becomes one sentence. */
export async function postToSlack(url: string, text: string, fetcher: typeof fetch = fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  } catch {
    throw new Error('Could not reach Slack. The incident is saved; the message will be retried.');
  }
  if (!response.ok) throw new Error(`Slack refused the message (${response.status} ${(await response.text()).slice(0, 100)}).`);
}
