import type { Announcement } from './announcement';
import { chatText } from './chat-text';

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

/** Characters that would end a Markdown link's URL early or form a Slack token are percent-encoded. */
function percentEncode(url: string): string {
  return url.replace(/[()<>| ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function mattermostPayload(a: Announcement): { text: string } {
  return {
    text: chatText(a, {
      escape: mattermostText,
      bold: (text) => `**${text}**`,
      quote: '> ',
      link: (url, label) => `[${label}](${percentEncode(url)})`,
    }),
  };
}
