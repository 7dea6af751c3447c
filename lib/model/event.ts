import { z } from 'zod';
import { hlcSchema } from '../clock/hlc';
import { THUMBNAIL_MAX_CHARS } from './limits';
import { networkContextSchema } from './network-context';
import {
  httpUrlSchema,
  idSchema,
  isoDateSchema,
  noteTextSchema,
  outcomeSchema,
  personNameSchema,
  severitySchema,
  summarySchema,
  titleSchema,
  trackerLinkSchema,
} from './incident-fields';

const lead = { leadId: idSchema, leadName: personNameSchema };

export const REACTIONS = ['👍', '🎉', '👀', '❤️', '💡'] as const;
export const CUSTOMER_CHANNELS = ['email', 'slack', 'status_page', 'social', 'other'] as const;

export { THUMBNAIL_MAX_CHARS };

/**
 * A picture on the timeline. The bytes live in the `blobs` table (and, once a
 * team is connected, in Storage); the event carries what a list needs to show
 * it without loading the image: size, a hash and an inline thumbnail.
 */
export const screenshotBodySchema = z.object({
  blobId: idSchema,
  mimeType: z.enum(['image/webp', 'image/jpeg', 'image/png']),
  width: z.number().int().positive().max(32_767),
  height: z.number().int().positive().max(32_767),
  byteLength: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** data:image/…;base64 — emptied when the screenshot is redacted. */
  thumbnail: z.union([
    z.literal(''),
    z.string().max(THUMBNAIL_MAX_CHARS).regex(/^data:image\/(webp|jpeg|png);base64,[A-Za-z0-9+/=]+$/),
  ]),
  source: z.enum(['visible', 'element', 'full_page', 'pasted', 'redacted_copy']),
  pageUrl: httpUrlSchema.optional(),
  pageTitle: z.string().max(1_000).optional(),
  /** For a redacted copy: the screenshot it replaces. */
  replacesEventId: idSchema.optional(),
  /**
   * For an annotated copy: the screenshot it annotates. Not a new `source`, so
   * an older version that strips the field still shows the copy as a screenshot.
   */
  annotatesEventId: idSchema.optional(),
  /** The page's failed and slowest requests when it was captured (./network-context.ts). */
  network: networkContextSchema.optional(),
});
export type ScreenshotBody = z.infer<typeof screenshotBodySchema>;

const bodies = {
  declared: z.object({
    title: titleSchema,
    severity: severitySchema,
    ...lead,
    summary: summarySchema.optional(),
    sourceUrl: httpUrlSchema.optional(),
  }),
  title_changed: z.object({ title: titleSchema }),
  summary_changed: z.object({ summary: summarySchema }),
  severity_changed: z.object({ severity: severitySchema }),
  lead_changed: z.object(lead),
  status_changed: z.discriminatedUnion('status', [
    z.object({ status: z.literal('resolved'), outcome: outcomeSchema }),
    z.object({ status: z.literal('active') }),
  ]),
  note: z.object({
    text: noteTextSchema,
    /** 'log' notes keep their exact formatting and render monospace. */
    format: z.enum(['plain', 'log']).default('plain'),
    sourceUrl: httpUrlSchema.optional(),
  }),
  customer_update: z.object({
    channel: z.enum(CUSTOMER_CHANNELS),
    text: noteTextSchema,
  }),
  follow_up_added: z.object({
    followUpId: idSchema,
    text: titleSchema,
    ownerId: idSchema.optional(),
  }),
  follow_up_done: z.object({ followUpId: idSchema, done: z.boolean() }),
  /** The follow-up's issue in a tracker (Linear, GitHub, Jira); null clears it. Latest by clock wins. */
  follow_up_linked: z.object({ followUpId: idSchema, url: trackerLinkSchema.nullable() }),
  feedback: z.object({ text: noteTextSchema }),
  screenshot: screenshotBodySchema,
  /** Hides an entry (a screenshot) everywhere; its image and thumbnail are scrubbed, not kept. */
  redacted: z.object({ eventId: idSchema, reason: z.enum(['removed', 'replaced']) }),
  /** A teammate who was not involved has read the incident (the review queue). */
  reviewed: z.object({}),
  /** A reaction on one timeline entry; `on: false` takes it back. Last by clock wins per person and emoji. */
  reaction: z.object({ eventId: idSchema, emoji: z.enum(REACTIONS), on: z.boolean() }),
} as const;

export type EventKind = keyof typeof bodies;
export const eventKinds = Object.keys(bodies) as EventKind[];

const envelope = {
  id: idSchema,
  incidentId: idSchema,
  teamId: idSchema.nullable(),
  authorId: idSchema,
  hlc: hlcSchema,
  createdAt: isoDateSchema,
};

function variant<K extends EventKind>(kind: K) {
  return z.object({ ...envelope, kind: z.literal(kind), body: bodies[kind] });
}

// Built from `eventKinds`, so a new kind is one entry in `bodies` above. The SQL's
// incident_event_kinds(), the timeline and the Markdown report are held to that list
// by event-kinds.test.ts and components/EntryBody.test.tsx.
type Variant = { [K in EventKind]: ReturnType<typeof variant<K>> }[EventKind];

/**
 * One immutable entry of an incident's log. The incident's state is a fold over
 * these; the timeline is this list. Parse at every trust boundary (storage,
 * messages, server rows, imports) with `incidentEventSchema`.
 */
export const incidentEventSchema = z.discriminatedUnion('kind', eventKinds.map((kind) => variant(kind)) as [Variant, ...Variant[]]);

export type IncidentEvent = z.infer<typeof incidentEventSchema>;
export type EventOf<K extends EventKind> = Extract<IncidentEvent, { kind: K }>;
export type ScreenshotEvent = EventOf<'screenshot'>;
export type EventBody<K extends EventKind> = z.input<(typeof bodies)[K]>;

/** What a domain operation asks to append; the store fills in the envelope. */
export type EventDraft = { [K in EventKind]: { kind: K; body: EventBody<K> } }[EventKind];

export { compareEvents } from './order';
