import { z } from 'zod';
import { hlcSchema } from '../clock/hlc';
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
} from './incident-fields';

const lead = { leadId: idSchema, leadName: personNameSchema };

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
    channel: z.enum(['email', 'slack', 'status_page', 'social', 'other']),
    text: noteTextSchema,
  }),
  follow_up_added: z.object({
    followUpId: idSchema,
    text: titleSchema,
    ownerId: idSchema.optional(),
  }),
  follow_up_done: z.object({ followUpId: idSchema, done: z.boolean() }),
  feedback: z.object({ text: noteTextSchema }),
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

/**
 * One immutable entry of an incident's log. The incident's state is a fold over
 * these; the timeline is this list. Parse at every trust boundary (storage,
 * messages, server rows, imports) with `incidentEventSchema`.
 */
export const incidentEventSchema = z.discriminatedUnion('kind', [
  variant('declared'),
  variant('title_changed'),
  variant('summary_changed'),
  variant('severity_changed'),
  variant('lead_changed'),
  variant('status_changed'),
  variant('note'),
  variant('customer_update'),
  variant('follow_up_added'),
  variant('follow_up_done'),
  variant('feedback'),
]);

export type IncidentEvent = z.infer<typeof incidentEventSchema>;
export type EventOf<K extends EventKind> = Extract<IncidentEvent, { kind: K }>;
export type EventBody<K extends EventKind> = z.input<(typeof bodies)[K]>;

/** What a domain operation asks to append; the store fills in the envelope. */
export type EventDraft = { [K in EventKind]: { kind: K; body: EventBody<K> } }[EventKind];

/** Ordering used everywhere: by hybrid logical clock, then id as the tiebreak. */
export function compareEvents(a: Pick<IncidentEvent, 'hlc' | 'id'>, b: Pick<IncidentEvent, 'hlc' | 'id'>): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
