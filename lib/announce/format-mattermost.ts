import { incidentName, type Announcement } from './announcement';
import { LONG_TEXT_MAX, truncate } from './text';

/**
 * Mattermost incoming webhook: Slack-compatible `{ "text": … }`, but the text
 * is Mattermost Markdown, not Slack's mrkdwn
 * (https://developers.mattermost.com/integrate/webhooks/incoming/). The
 * differences that matter here (https://developers.mattermost.com/integrate/slash-commands/slack/):
 * - bold is `**bold**` (`*bold*` is italic);
 * - `mrkdwn`, `parse` and `link_names` are ignored: Mattermost always renders
 *   Markdown and always turns @mentions into notifications, so a title
 *   "@channel" would ping the channel;
 * - the server still translates Slack's `<!channel>`, `<!here>`, `<!all>` and
 *   `<url|text>` inside `text`.
 * So Markdown's punctuation is backslash-escaped, and a zero-width space is put
 * after every `@` and `<`, which breaks a mention or a Slack token without
 * changing what a reader sees. Posts are capped at 4,000 characters on older
 * servers and 16,383 on newer ones (mattermost-server server/public/model/post.go:
 * PostMessageMaxRunesV1, PostMessageMaxRunesV2); what is sent here stays under 4,000.
 */
export function mattermostText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&').replace(/([@<])/g, '$1\u200B');
}

const EMOJI: Record<Announcement['what'], string> = {
  declared: ':rotating_light:',
  raised_to_major: ':rotating_light:',
  resolved: ':white_check_mark:',
  lead_changed: ':bust_in_silhouette:',
  customer_update: ':speech_balloon:',
  test: ':wave:',
};

/** Characters that would end a Markdown link's URL early or form a Slack token are percent-encoded. */
function percentEncode(url: string): string {
  return url.replace(/[()<>| ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function mattermostPayload(a: Announcement): { text: string } {
  const emoji = a.what === 'declared' && a.incident.severity === 'minor' ? ':large_yellow_circle:' : EMOJI[a.what];
  const lines = [`${emoji} ${mattermostText(a.headline)}: **${mattermostText(truncate(incidentName(a), 300))}**`];
  lines.push(`Lead: ${mattermostText(a.incident.leadName)}${a.incident.outcome ? ` · Outcome: ${mattermostText(a.incident.outcome)}` : ''}`);
  if (a.customerUpdate) lines.push(`> ${mattermostText(truncate(a.customerUpdate.text, LONG_TEXT_MAX)).replace(/\n/g, '\n> ')}`);
  else if (a.incident.summary) lines.push(mattermostText(truncate(a.incident.summary, LONG_TEXT_MAX)));
  if (a.incident.link) lines.push(`[Declared from this page](${percentEncode(a.incident.link)})`);
  return { text: lines.join('\n') };
}
