import { z } from 'zod';

/**
 * Where announcements go (issue 12): a list of destinations, each a webhook of
 * one kind, each choosing what it receives. Shared by the person's own
 * settings (Options → Running incidents) and the settings an admin deploys
 * (lib/settings/managed-settings.ts), so both are judged by one schema.
 *
 * - `slack`: an incoming webhook, `{ text }` in mrkdwn.
 * - `teams`: a Microsoft Teams Workflows webhook taking an Adaptive Card.
 * - `discord`: `content` plus an embed.
 * - `mattermost`: Slack-compatible incoming webhook.
 * - `json`: our documented payload, signed with HMAC-SHA256 (`X-Incident-Signature`).
 */
export const DESTINATION_KINDS = ['slack', 'teams', 'discord', 'mattermost', 'json'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/**
 * What a destination receives:
 * - `major`: a Major incident declared (or raised to Major) and resolved;
 * - `declared`: every incident declared, Minor included;
 * - `lead_changed`: a new lead;
 * - `customer_update`: a customer update logged.
 */
export const ANNOUNCEMENT_TOPICS = ['major', 'declared', 'lead_changed', 'customer_update'] as const;
export type AnnouncementTopic = (typeof ANNOUNCEMENT_TOPICS)[number];

export const DESTINATION_URL_MAX = 2_000;
export const DESTINATION_SECRET_MAX = 200;

export const destinationSchema = z.object({
  /** Stable id, so status and retries follow a destination when the list is edited. */
  id: z.string().min(1).max(64),
  kind: z.enum(DESTINATION_KINDS),
  url: z.string().min(1).max(DESTINATION_URL_MAX),
  /** The shared HMAC secret: `json` destinations only. */
  secret: z.string().max(DESTINATION_SECRET_MAX).optional(),
  topics: z.array(z.enum(ANNOUNCEMENT_TOPICS)).max(ANNOUNCEMENT_TOPICS.length),
});
export type Destination = z.infer<typeof destinationSchema>;
