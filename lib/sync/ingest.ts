import Dexie from 'dexie';
import { formatHlc, type Hlc, parseHlc, receive } from '../clock/hlc';
import type { IncidentDatabase } from '../db/database';
import { clockItem } from '../db/meta-items';
import { annotatedId, isDeclaration, leadSetBy, redactionRefusal } from '../incidents/authority';
import { readNodeId } from '../incidents/node-id';
import { scrubScreenshotEvent } from '../incidents/screenshots';
import type { EventOf, IncidentEvent } from '../model/event';
import { compareEvents } from '../model/order';

/** Events stamped further ahead than this are held back (and refused by the server). */
export const MAX_CLOCK_LEAD_MS = 24 * 3_600_000;

export const CLOCK_AHEAD = 'Clock more than a day ahead';
export const SECOND_DECLARATION = 'A second declaration of an incident';

export interface Judged {
  /** Events that may join the log, in the order given. */
  admitted: IncidentEvent[];
  /** Events that may not (yet), each with the reason shown to the person. */
  held: { event: IncidentEvent; reason: string }[];
}

/**
 * # The one way other people's events come in
 *
 * Pull (lib/sync/apply.ts) and import (lib/export/json-import.ts) both judge
 * what arrives here, with the rules the server applies to pushes
 * (lib/incidents/authority.ts), so a forged event is ignored however it
 * reaches a device and the two paths can never disagree. What is held back is
 * for the caller to keep: pull keeps it pending and retries it on every later
 * pull; import refuses the file.
 *
 * A follow-up's tracker link (`follow_up_linked`) needs no rule here: anyone
 * in the team may set it, as the server lets them (lib/incidents/authority.ts),
 * and its shape was parsed with the row (lib/model/event.ts).
 *
 * Runs inside the caller's transaction (the events table).
 * Candidates are judged in the order given, so an earlier one counts for a
 * later one (a screenshot and its removal in the same page).
 */
export async function judgeIncoming(db: IncidentDatabase, candidates: readonly IncidentEvent[], nowMs: number): Promise<Judged> {
  const judged: Judged = { admitted: [], held: [] };
  const admittedById = new Map<string, IncidentEvent>();
  for (const e of candidates) {
    // Only a redaction needs the database: awaiting anything but a Dexie call
    // inside a transaction, hundreds of times a page, loses Dexie's zone and
    // commits the transaction early (PrematureCommitError).
    const reason = quickRefusal(e, nowMs) ?? (e.kind === 'redacted' ? await redactionRefusalHere(db, e, admittedById) : null);
    if (reason) {
      judged.held.push({ event: e, reason });
    } else {
      judged.admitted.push(e);
      admittedById.set(e.id, e);
    }
  }
  return judged;
}

/** Stamped more than a day ahead of `nowMs`: one device with a clock years ahead would drag every teammate's clock with it. */
export function isClockAhead(hlc: string, nowMs: number): boolean {
  return parseHlc(hlc).wall > nowMs + MAX_CLOCK_LEAD_MS;
}

/** The rules that need nothing but the event itself. */
function quickRefusal(e: IncidentEvent, nowMs: number): string | null {
  if (isClockAhead(e.hlc, nowMs)) return CLOCK_AHEAD;
  if (e.kind === 'declared' && !isDeclaration(e)) return SECOND_DECLARATION;
  return null;
}

async function redactionRefusalHere(db: IncidentDatabase, e: EventOf<'redacted'>, batch: Map<string, IncidentEvent>): Promise<string | null> {
  const target: IncidentEvent | undefined = batch.get(e.body.eventId) ?? (await db.events.get(e.body.eventId));
  // No target here: the server emptied it before this device saw it (which
  // redact_event allows only its author or the lead), or an import names an
  // entry it does not carry. It hides nothing; should the entry arrive later,
  // the fold judges the pair (lib/incidents/authority.ts).
  if (!target) return null;
  const annotates = annotatedId(target);
  const annotated = annotates ? (batch.get(annotates) ?? (await db.events.get(annotates))) : undefined;
  return redactionRefusal(e, target, await leadAsOf(db, e, [...batch.values()]), annotated);
}

/** The incident's lead just before `at` in (hlc, id) order, over what this device holds and `batch`. */
async function leadAsOf(db: IncidentDatabase, at: IncidentEvent, batch: readonly IncidentEvent[]): Promise<string | null> {
  const held = await db.events
    .where('[incidentId+hlc]')
    .between([at.incidentId, Dexie.minKey], [at.incidentId, at.hlc], true, true)
    .toArray();
  let lead: { e: IncidentEvent; id: string } | null = null;
  for (const e of [...held, ...batch]) {
    if (e.incidentId !== at.incidentId || compareEvents(e, at) >= 0) continue;
    const leadId = leadSetBy(e);
    if (leadId && (!lead || compareEvents(e, lead.e) > 0)) lead = { e, id: leadId };
  }
  return lead?.id ?? null;
}

/**
 * Stores admitted events that are new here: the log, what counted redactions
 * scrub, and the clock advanced past them (inside the caller's transaction).
 * Returns the events added (ids already held are skipped: set union).
 */
export async function storeAdmitted(db: IncidentDatabase, admitted: readonly IncidentEvent[], nowMs: number): Promise<IncidentEvent[]> {
  const present = await db.events.bulkGet(admitted.map((e) => e.id));
  const fresh = admitted.filter((_, i) => !present[i]);
  if (fresh.length) await db.events.bulkAdd(fresh);
  for (const e of fresh) {
    if (e.kind !== 'redacted') continue;
    const target = await db.events.get(e.body.eventId);
    if (target?.kind === 'screenshot') await scrubScreenshotEvent(db, target);
  }
  if (admitted.length) await advanceClock(db, admitted, nowMs);
  return fresh;
}

/** Advances the persisted clock past `events`, so what this device writes next sorts after them. */
async function advanceClock(db: IncidentDatabase, events: readonly IncidentEvent[], nowMs: number): Promise<void> {
  const node = await readNodeId(db);
  const stored = await clockItem.get(db);
  const previous: Hlc | null = stored === null ? null : parseHlc(stored);
  const latest = events.reduce((max, e) => (e.hlc > max ? e.hlc : max), events[0]!.hlc);
  await clockItem.put(db, formatHlc(receive(previous, parseHlc(latest), nowMs, node)));
}
