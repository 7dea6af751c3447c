import { v7 as uuidv7 } from 'uuid';
import { httpUrlSchema, type Outcome, type Severity } from '../model/incident-fields';
import type { Incident } from '../model/incident';
import type { CUSTOMER_CHANNELS, REACTIONS } from '../model/event';
import { appendEvents } from './append';
import type { DomainContext } from './context';
import { NotFoundError, ValidationError } from './errors';

/**
 * Domain operations: the only way the UI changes anything. Each one appends
 * events through appendEvents (one transaction: log + projection + outbox) and
 * returns the refolded incident. A change that would not change anything
 * appends nothing, so the timeline holds only real changes.
 */

export interface DeclareInput {
  title: string;
  severity?: Severity;
  /** Defaults to the person declaring. */
  lead?: { id: string; name: string };
  summary?: string;
  sourceUrl?: string;
}

export async function declareIncident(ctx: DomainContext, input: DeclareInput): Promise<Incident> {
  const lead = input.lead ?? { id: ctx.actor.userId, name: ctx.actor.displayName };
  const summary = input.summary?.trim();
  // The tab we declared from is context, not input: a chrome:// or file:// page is dropped, not an error.
  const sourceUrl = input.sourceUrl && httpUrlSchema.safeParse(input.sourceUrl).success ? input.sourceUrl : undefined;
  const { incident } = await appendEvents(ctx, null, [
    {
      kind: 'declared',
      body: {
        title: input.title,
        severity: input.severity ?? 'minor',
        leadId: lead.id,
        leadName: lead.name,
        ...(summary ? { summary } : {}),
        ...(sourceUrl ? { sourceUrl } : {}),
      },
    },
  ]);
  return incident;
}

async function current(ctx: DomainContext, incidentId: string): Promise<Incident> {
  const incident = await ctx.db.incidents.get(incidentId);
  if (!incident) throw new NotFoundError('That incident no longer exists on this device.');
  return incident;
}

export async function changeTitle(ctx: DomainContext, incidentId: string, title: string): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  if (incident.title === title.trim()) return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'title_changed', body: { title } }])).incident;
}

export async function changeSummary(ctx: DomainContext, incidentId: string, summary: string): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  if (incident.summary === summary.trim()) return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'summary_changed', body: { summary } }])).incident;
}

export async function changeSeverity(ctx: DomainContext, incidentId: string, severity: Severity): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  if (incident.severity === severity) return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'severity_changed', body: { severity } }])).incident;
}

export async function changeLead(
  ctx: DomainContext,
  incidentId: string,
  lead: { id: string; name: string },
): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  if (incident.leadId === lead.id) return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'lead_changed', body: { leadId: lead.id, leadName: lead.name } }]))
    .incident;
}

/**
 * Resolving is triage. Deferring means the work continues later, so it needs
 * at least one open follow-up: one already logged, or `followUp` (added in the
 * same transaction as the resolution).
 */
export async function resolveIncident(
  ctx: DomainContext,
  incidentId: string,
  outcome: Outcome,
  { followUp }: { followUp?: string } = {},
): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  if (incident.status === 'resolved') throw new ValidationError('This incident is already resolved.');
  const extra = followUp?.trim();
  if (outcome === 'deferred' && !extra && !incident.followUps.some((f) => !f.done)) {
    throw new ValidationError('Deferring needs a follow-up: say what will be done later.', 'followUp');
  }
  return (
    await appendEvents(ctx, incidentId, [
      ...(extra ? [{ kind: 'follow_up_added' as const, body: { followUpId: uuidv7(), text: extra } }] : []),
      { kind: 'status_changed', body: { status: 'resolved', outcome } },
    ])
  ).incident;
}

export async function reopenIncident(ctx: DomainContext, incidentId: string): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  if (incident.status === 'active') return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'status_changed', body: { status: 'active' } }])).incident;
}

export interface NoteInput {
  text: string;
  format?: 'plain' | 'log';
  sourceUrl?: string;
}

export async function addNote(ctx: DomainContext, incidentId: string, note: NoteInput): Promise<Incident> {
  const sourceUrl = note.sourceUrl && httpUrlSchema.safeParse(note.sourceUrl).success ? note.sourceUrl : undefined;
  // Logs keep their exact whitespace: only plain notes are trimmed.
  const text = note.format === 'log' ? note.text.replace(/^(?:[ \t]*\n)+|\s+$/g, '') : note.text.trim();
  return (
    await appendEvents(ctx, incidentId, [
      { kind: 'note', body: { text, format: note.format ?? 'plain', ...(sourceUrl ? { sourceUrl } : {}) } },
    ])
  ).incident;
}

export async function addFollowUp(
  ctx: DomainContext,
  incidentId: string,
  text: string,
  ownerId?: string,
): Promise<Incident> {
  const followUpId = uuidv7();
  return (
    await appendEvents(ctx, incidentId, [
      { kind: 'follow_up_added', body: { followUpId, text, ...(ownerId ? { ownerId } : {}) } },
    ])
  ).incident;
}

export async function setFollowUpDone(
  ctx: DomainContext,
  incidentId: string,
  followUpId: string,
  done: boolean,
): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  const item = incident.followUps.find((f) => f.id === followUpId);
  if (!item) throw new NotFoundError('That follow-up no longer exists.');
  if (item.done === done) return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'follow_up_done', body: { followUpId, done } }])).incident;
}

export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

/** Logs a customer update (after it was sent by email, Slack, a status page…) on the timeline. */
export async function addCustomerUpdate(ctx: DomainContext, incidentId: string, channel: CustomerChannel, text: string): Promise<Incident> {
  return (await appendEvents(ctx, incidentId, [{ kind: 'customer_update', body: { channel, text: text.trim() } }])).incident;
}

export async function addFeedback(ctx: DomainContext, incidentId: string, text: string): Promise<Incident> {
  return (await appendEvents(ctx, incidentId, [{ kind: 'feedback', body: { text: text.trim() } }])).incident;
}

/** Marks an incident I was not part of as reviewed (once). */
export async function markReviewed(ctx: DomainContext, incidentId: string): Promise<Incident> {
  const incident = await current(ctx, incidentId);
  if (incident.reviewerIds.includes(ctx.actor.userId)) return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'reviewed', body: {} }])).incident;
}

export async function react(
  ctx: DomainContext,
  incidentId: string,
  eventId: string,
  emoji: (typeof REACTIONS)[number],
  on: boolean,
): Promise<Incident> {
  return (await appendEvents(ctx, incidentId, [{ kind: 'reaction', body: { eventId, emoji, on } }])).incident;
}
