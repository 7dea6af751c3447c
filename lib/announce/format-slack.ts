import { incidentName, type Announcement } from './announcement';
import { LONG_TEXT_MAX, truncate } from './text';

/**
 * Slack incoming webhook: `{ "text": … }` in mrkdwn
 * (https://api.slack.com/messaging/webhooks). Slack treats &, < and > as
 * control characters, to be escaped as &amp; &lt; &gt;
 * (https://api.slack.com/reference/surfaces/formatting#escaping); escaping `<`
 * is also what stops a title such as "<!channel>" from pinging everyone, since
 * special mentions are only ever written inside < >. Slack truncates `text`
 * past 40,000 characters (https://api.slack.com/changelog/2018-04-truncating-really-long-messages)
 * and advises 4,000 for readability, so long parts are cut well below that.
 */
export function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const EMOJI: Record<Announcement['what'], string> = {
  declared: ':rotating_light:',
  raised_to_major: ':rotating_light:',
  resolved: ':white_check_mark:',
  lead_changed: ':bust_in_silhouette:',
  customer_update: ':speech_balloon:',
  test: ':wave:',
};

export function slackPayload(a: Announcement): { text: string } {
  const emoji = a.what === 'declared' && a.incident.severity === 'minor' ? ':large_yellow_circle:' : EMOJI[a.what];
  const lines = [`${emoji} ${slackText(a.headline)}: *${slackText(truncate(incidentName(a), 300))}*`];
  lines.push(`Lead: ${slackText(a.incident.leadName)}${a.incident.outcome ? ` · Outcome: ${slackText(a.incident.outcome)}` : ''}`);
  if (a.customerUpdate) lines.push(`>${slackText(truncate(a.customerUpdate.text, LONG_TEXT_MAX)).replace(/\n/g, '\n>')}`);
  else if (a.incident.summary) lines.push(slackText(truncate(a.incident.summary, LONG_TEXT_MAX)));
  // A link's URL is escaped like text; `|` would end it early, so it is percent-encoded.
  if (a.incident.link) lines.push(`<${slackText(a.incident.link).replace(/\|/g, '%7C')}|Declared from this page>`);
  return { text: lines.join('\n') };
}
