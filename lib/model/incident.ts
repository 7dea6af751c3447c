import { z } from 'zod';
import { idSchema, isoDateSchema, outcomeSchema, severitySchema, statusSchema } from './incident-fields';

export const followUpSchema = z.object({
  id: idSchema,
  text: z.string(),
  ownerId: idSchema.optional(),
  done: z.boolean(),
  addedAt: isoDateSchema,
  /** Its tracker issue (the latest \`follow_up_linked\`); absent when none or cleared. */
  link: z.string().optional(),
  /** When it was last ticked off (the \`follow_up_done\` that set \`done\`); absent while open. */
  doneAt: isoDateSchema.optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/**
 * An incident's current state: a cache folded from its events (see
 * lib/incidents/fold.ts). Deleting every row and refolding gives the same rows.
 */
export const incidentSchema = z.object({
  id: idSchema,
  teamId: idSchema.nullable(),
  title: z.string(),
  summary: z.string(),
  severity: severitySchema,
  status: statusSchema,
  /** 0 while active, 1 once resolved: lets one compound index list active first. */
  statusRank: z.union([z.literal(0), z.literal(1)]),
  outcome: outcomeSchema.nullable(),
  leadId: idSchema,
  leadName: z.string(),
  declaredBy: idSchema,
  declaredAt: isoDateSchema,
  resolvedAt: isoDateSchema.nullable(),
  lastActivityAt: isoDateSchema,
  sourceUrl: z.string().nullable(),
  eventCount: z.number().int(),
  noteCount: z.number().int(),
  /** Screenshots shown on the timeline (redacted ones not counted). */
  screenshotCount: z.number().int(),
  followUps: z.array(followUpSchema),
  /**
   * How many follow-ups are not done: indexed (v6), so the side panel's
   * Follow-ups view and the background's context menu read only incidents
   * with one open instead of every row (20,000 of them, issue 13).
   */
  openFollowUpCount: z.number().int(),
  /** Everyone who worked the incident (reviews, feedback and reactions do not count): the review queue asks who was involved. */
  participantIds: z.array(idSchema),
  /** Teammates who marked it reviewed. */
  reviewerIds: z.array(idSchema),
  customerUpdateCount: z.number().int(),
  lastCustomerUpdateAt: isoDateSchema.nullable(),
  /** The first customer update: Insights measures declared → first update for Major incidents. */
  firstCustomerUpdateAt: isoDateSchema.nullable(),
  /** Lower-cased title, summary and note texts, capped: what side-panel search looks in. */
  searchText: z.string(),
  /**
   * The distinct words of \`searchText\` (lib/incidents/search-words.ts): a
   * multi-entry index over them is how search finds incidents without reading
   * every row (issue 13's 20,000 incidents).
   */
  searchWords: z.array(z.string()),
});
export type Incident = z.infer<typeof incidentSchema>;
