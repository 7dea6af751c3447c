import { incidentName, type Announcement } from './announcement';
import { truncate } from './text';

/**
 * Discord "Execute Webhook": `{ content, embeds, allowed_mentions }`
 * (https://discord.com/developers/docs/resources/webhook#execute-webhook).
 * Limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * content 2,000 characters; embed title 256, description 4,096, up to 25
 * fields with name 256 and value 1,024; all embeds' title, description, field
 * names and values, footer and author together 6,000.
 * `allowed_mentions: { parse: [] }` turns every mention off, so a title
 * "@everyone" is shown but pings nobody
 * (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
 * Text is Discord Markdown, so its punctuation is backslash-escaped
 * (https://support.discord.com/hc/en-us/articles/210298617).
 */
export const DISCORD_LIMITS = { content: 2_000, title: 256, description: 4_096, fieldName: 256, fieldValue: 1_024, fields: 25, total: 6_000 } as const;

export interface DiscordPayload {
  content: string;
  embeds: {
    title: string;
    description?: string;
    url?: string;
    color: number;
    fields: { name: string; value: string; inline?: boolean }[];
    timestamp: string;
  }[];
  allowed_mentions: { parse: never[] };
}

export function discordText(text: string): string {
  return text.replace(/[\\`*_~|>#[\]()<:-]/g, '\\$&');
}

const COLOR = { major: 0xd93025, minor: 0xf9ab00, resolved: 0x188038, other: 0x5f6368 } as const;

export function discordPayload(a: Announcement): DiscordPayload {
  const title = truncate(incidentName(a), DISCORD_LIMITS.title);
  const fields: DiscordPayload['embeds'][number]['fields'] = [
    { name: 'Severity', value: a.incident.severity === 'major' ? 'Major' : 'Minor', inline: true },
    { name: 'Lead', value: truncate(discordText(a.incident.leadName), DISCORD_LIMITS.fieldValue), inline: true },
  ];
  if (a.incident.outcome) fields.push({ name: 'Outcome', value: a.incident.outcome, inline: true });
  if (a.incident.duration) fields.push({ name: 'Duration', value: a.incident.duration, inline: true });
  if (a.customerUpdate) {
    fields.push({ name: `Customer update (${a.customerUpdate.channel})`, value: truncate(discordText(a.customerUpdate.text), DISCORD_LIMITS.fieldValue) });
  }
  const used = title.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - used);
  const description = a.incident.summary ? truncate(discordText(a.incident.summary), room) : '';
  const color =
    a.what === 'resolved' ? COLOR.resolved : a.what === 'declared' || a.what === 'raised_to_major' ? COLOR[a.incident.severity] : COLOR.other;
  return {
    content: truncate(`${discordText(a.headline)}: **${discordText(incidentName(a))}**`, DISCORD_LIMITS.content),
    embeds: [
      {
        // An embed title is not Markdown, so it is sent as it is.
        title,
        ...(description ? { description } : {}),
        ...(a.incident.link ? { url: a.incident.link } : {}),
        color,
        fields,
        timestamp: a.at,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
