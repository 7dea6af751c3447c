import type { DestinationKind } from './destination';

/**
 * What each kind's webhook address looks like, and the sentence that says
 * what to paste when it does not. Any kind may be plain http on this machine
 * (127.0.0.1, localhost): tests and local relays.
 * - Slack: https://hooks.slack.com/services/… (https://api.slack.com/messaging/webhooks)
 * - Discord: https://discord.com/api/webhooks/<id>/<token>
 *   (https://discord.com/developers/docs/resources/webhook#execute-webhook; the
 *   older discordapp.com and the ptb./canary. hosts serve the same API)
 * - Teams Workflows: https://<env>.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/<id>/triggers/manual/paths/invoke?…&sig=…
 *   Microsoft moved Power Automate's HTTP and Teams webhook triggers there from
 *   https://<region>.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?…
 *   (old URLs unsupported after 30 November 2025:
 *   https://learn.microsoft.com/en-us/troubleshoot/power-platform/power-automate/flow-run-issues/triggers-troubleshoot#changes-to-http-or-teams-webhook-trigger-flows,
 *   and the same change in PostHog's Teams destination, https://github.com/PostHog/posthog/pull/41202).
 *   logic.azure.com stays accepted for an Azure Logic App built to post to
 *   Teams; any *.powerplatform.com host is accepted in case Microsoft moves it
 *   again. The URL carries its own authorisation (`sig=`), so it is a secret.
 * - Mattermost: the team's own server, https://<server>/hooks/<id>
 *   (https://developers.mattermost.com/integrate/webhooks/incoming/)
 * - JSON: any https address.
 */
export const DESTINATION_KIND_LABEL: Record<DestinationKind, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  discord: 'Discord',
  mattermost: 'Mattermost',
  json: 'Webhook (signed JSON)',
};

export const PASTE_HINT: Record<DestinationKind, string> = {
  slack: 'Paste a Slack incoming-webhook URL (https://hooks.slack.com/services/…).',
  teams:
    'Paste the URL of a Teams workflow made from “Post to a channel when a webhook request is received” (https://….environment.api.powerplatform.com/powerautomate/automations/direct/workflows/…).',
  discord: 'Paste a Discord webhook URL (https://discord.com/api/webhooks/…), from the channel’s Integrations → Webhooks.',
  mattermost: 'Paste a Mattermost incoming-webhook URL (https://your-mattermost-server/hooks/…).',
  json: 'Paste the https address that should receive the signed JSON.',
};

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

function matches(kind: DestinationKind, u: URL): boolean {
  const host = u.hostname.toLowerCase();
  switch (kind) {
    case 'slack':
      return host === 'hooks.slack.com' && u.pathname.startsWith('/services/');
    case 'discord':
      return /^((ptb|canary)\.)?discord(app)?\.com$/.test(host) && /^\/api(\/v\d+)?\/webhooks\/\d+\/[\w-]+\/?$/.test(u.pathname);
    case 'teams':
      return (host.endsWith('.logic.azure.com') || host.endsWith('.powerplatform.com')) && u.pathname.includes('/workflows/');
    case 'mattermost':
      return /\/hooks\/[a-z0-9]+\/?$/i.test(u.pathname);
    case 'json':
      return true;
  }
}

/** Null when `url` is a `kind` webhook; otherwise the sentence naming what to paste. */
export function checkDestinationUrl(kind: DestinationKind, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return PASTE_HINT[kind];
  }
  if (u.username || u.password) return `${PASTE_HINT[kind]} (Without a user name or password in it.)`;
  if (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname)) return null;
  if (u.protocol !== 'https:') return `${PASTE_HINT[kind]} It must start with https://.`;
  return matches(kind, u) ? null : PASTE_HINT[kind];
}

/** The host permission a destination needs: its origin, any port (match patterns have none). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** What a failure sentence calls the destination: the service, or the receiving host for our JSON. */
export function serviceName(destination: { kind: DestinationKind; url: string }): string {
  if (destination.kind !== 'json') return DESTINATION_KIND_LABEL[destination.kind];
  try {
    return new URL(destination.url).host;
  } catch {
    return 'The webhook';
  }
}
