import type { Announcement } from './announcement';
import { chatText } from './chat-text';

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

export function slackPayload(a: Announcement): { text: string } {
  return {
    text: chatText(a, {
      escape: slackText,
      bold: (text) => `*${text}*`,
      quote: '>',
      // A link's URL is escaped like text; `|` would end it early, so it is percent-encoded.
      link: (url, label) => `<${slackText(url).replace(/\|/g, '%7C')}|${label}>`,
    }),
  };
}
