import { formatHlc, parseHlc } from '../clock/hlc';
import type { IncidentDatabase } from '../db/database';
import type { IncidentEvent } from '../model/event';
import {
  announceDeliveriesItem,
  incidentNumbers,
  legacySlackPostedItem,
  type Delivery,
  type DestinationStatus,
} from '../db/meta-items';
import { backoffDelay } from '../sync/backoff';
import { announcementFor, wants, type Announcement } from './announcement';
import type { Destination } from './destination';
import { serviceName } from './destination-url';
import { MIGRATED_SLACK_ID } from './destinations-store';
import { postRequest, type PostResult } from './post';
import { recordStatus } from './record-status';
import { requestFor } from './request';

/**
 * Sends each announcement to each destination that wants it, once per (event,
 * destination), and never makes the incident wait: the background calls this
 * after the change is saved, and a failure is recorded and retried, never
 * thrown back at the person.
 *
 * - Only this device's events: an event is announced by the device that made
 *   it, told by its clock's node id (lib/clock/hlc.ts, lib/incidents/node-id.ts).
 *   A teammate's events, and mine pulled from my other device, are that
 *   device's to send, so two devices never post the same message.
 * - Once: each (destination, event) has a delivery row in `meta`
 *   (announceDeliveriesItem); `sent` and `final` are never tried again.
 * - Retry: a network failure, a timeout, 429 or 5xx is retried with capped
 *   exponential backoff and jitter (lib/sync/backoff.ts) for a day, then given
 *   up and shown. Any other 4xx is final for that message at once.
 * - Look-back: events from the last 26 hours, so a worker restarted hours
 *   later still sends what it owed, and a message retried for its whole day
 *   is still seen once more to be marked given up.
 */
export const RETRY_FOR_MS = 24 * 3_600_000;
export const LOOK_BACK_MS = RETRY_FOR_MS + 2 * 3_600_000;
const KEEP_DELIVERIES_MS = 2 * 24 * 3_600_000;
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 60 * 60_000;

// Firefox lets a person withdraw data consent at any time (about:addons);
// then nothing is sent until they save a destination again (which asks).
export const CONSENT_WITHDRAWN =
  'Not sent: the browser’s permission to send incident details was withdrawn. Save the destination again in Options to allow it.';

export function hostNotAllowed(destination: Destination): string {
  let host = destination.url;
  try {
    host = new URL(destination.url).host;
  } catch {
    // named as written
  }
  return `Not sent yet: the browser has not allowed sending to ${host}. Choose “Allow sending” in Options.`;
}

export interface SenderPorts {
  db: IncidentDatabase;
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  /** This device's clock node id. */
  nodeId: string;
  /** The admin's destinations first, then the person's own. */
  destinations: Destination[];
  /**
   * The browser's data consent (Firefox; always granted elsewhere): `send` for
   * incident details at all, `links` for the address of the page an incident
   * was declared from (browsing activity, asked for separately).
   */
  consent: () => Promise<{ send: boolean; links: boolean }>;
  /**
   * Whether the browser lets this extension post to the destination's origin
   * (its optional host permission). An organisation's destination is never
   * saved here, so nothing asked for it; until the person allows it in
   * Options, its messages wait (not given up) and it says why.
   */
  hostAllowed?: (destination: Destination) => Promise<boolean>;
  /** How long to wait for an answer (post.ts's default, ~10 s). */
  timeoutMs?: number;
  /** Each new failure, once (the badge). */
  onFailure?: (message: string) => void;
}

export interface SendReport {
  sent: number;
  failures: string[];
  /** When the earliest retry is due, or null when nothing waits. */
  nextAttemptAt: number | null;
}

const deliveryKey = (destinationId: string, eventId: string) => `${destinationId} ${eventId}`;

export async function sendPending(ports: SenderPorts): Promise<SendReport> {
  const { db, now, nodeId, destinations } = ports;
  const report: SendReport = { sent: 0, failures: [], nextAttemptAt: null };
  if (destinations.length === 0) return report;
  const nowIso = () => new Date(now()).toISOString();
  const consent = await ports.consent();
  if (!consent.send) {
    for (const d of destinations) await recordStatus(db, d.id, { ok: false, message: CONSENT_WITHDRAWN, at: nowIso() });
    return report;
  }
  // A copy: a missing row reads as the item's shared fallback object, never to be mutated.
  const deliveries = { ...(await announceDeliveriesItem.get(db)) };
  const legacyPosted = new Set(await legacySlackPostedItem.get(db));
  const since = formatHlc({ wall: now() - LOOK_BACK_MS, counter: 0, node: '0' });
  const mine = (await db.events.where('hlc').above(since).toArray()).filter((e) => parseHlc(e.hlc).node === nodeId);

  const save = async (destinationId: string, status: DestinationStatus) => {
    await announceDeliveriesItem.put(db, deliveries);
    await recordStatus(db, destinationId, status);
  };

  // Announcements are built once per event, shared by every destination.
  const built = new Map<string, Promise<Announcement | null>>();
  const announcementOf = (event: IncidentEvent) => {
    let a = built.get(event.id);
    if (!a) {
      a = (async () => {
        const incident = await db.incidents.get(event.incidentId);
        const number = (await incidentNumbers.get(db, event.incidentId)) ?? null;
        return announcementFor(event, incident, { number, includeLink: consent.links });
      })();
      built.set(event.id, a);
    }
    return a;
  };

  // Each destination works through its own queue in order, all of them at
  // once: one that hangs until the timeout holds up only itself.
  const sendTo = async (destination: Destination) => {
    if (ports.hostAllowed && !(await ports.hostAllowed(destination))) {
      await recordStatus(db, destination.id, { ok: false, message: hostNotAllowed(destination), at: nowIso() });
      return;
    }
    for (const event of mine) {
      const key = deliveryKey(destination.id, event.id);
      const previous: Delivery | undefined = deliveries[key];
      if (previous?.state === 'sent' || previous?.state === 'final') continue;
      if (destination.id === MIGRATED_SLACK_ID && legacyPosted.has(event.id)) continue;
      const announcement = await announcementOf(event);
      if (!announcement || !wants(destination.topics, announcement)) continue;
      if (previous && previous.nextAttemptAt > now()) {
        report.nextAttemptAt = Math.min(report.nextAttemptAt ?? Infinity, previous.nextAttemptAt);
        continue;
      }
      const result: PostResult = await postRequest(
        ports.fetch,
        destination.url,
        await requestFor(destination, announcement, now()),
        serviceName(destination),
        ports.timeoutMs,
      );
      const firstAt = previous?.firstAt ?? nowIso();
      const attempts = (previous?.attempts ?? 0) + 1;
      if (result.ok) {
        deliveries[key] = { state: 'sent', firstAt, attempts, nextAttemptAt: 0 };
        report.sent += 1;
        await save(destination.id, { ok: true, message: `Sent: ${announcement.headline}`, at: nowIso() });
        continue;
      }
      const expired = now() - Date.parse(firstAt) >= RETRY_FOR_MS;
      let message: string;
      if (result.retry && !expired) {
        const nextAttemptAt = now() + backoffDelay(attempts - 1, ports.random, RETRY_BASE_MS, RETRY_CAP_MS);
        message = `${result.message} The incident is saved; the message will be retried.`;
        deliveries[key] = { state: 'retry', firstAt, attempts, nextAttemptAt, message };
        report.nextAttemptAt = Math.min(report.nextAttemptAt ?? Infinity, nextAttemptAt);
      } else {
        message = `${result.message} ${result.retry ? 'Gave up after a day of retrying.' : 'Check the destination in Options; this message will not be retried.'}`;
        deliveries[key] = { state: 'final', firstAt, attempts, nextAttemptAt: 0, message };
      }
      report.failures.push(message);
      ports.onFailure?.(message);
      await save(destination.id, { ok: false, message, at: nowIso() });
    }
  };
  // Whatever goes wrong with one destination (an organisation's malformed
  // address, say) is its own status, never the others' nor the incident's.
  await Promise.all(
    destinations.map((d) =>
      sendTo(d).catch((error: unknown) =>
        recordStatus(db, d.id, { ok: false, message: `Not sent: ${error instanceof Error ? error.message : String(error)}`, at: nowIso() }),
      ),
    ),
  );

  // Forget deliveries past the look-back: their events are never read again.
  const keepAfter = now() - KEEP_DELIVERIES_MS;
  const kept = Object.fromEntries(Object.entries(deliveries).filter(([, d]) => Date.parse(d.firstAt) > keepAfter));
  if (Object.keys(kept).length !== Object.keys(deliveries).length) await announceDeliveriesItem.put(db, kept);
  return report;
}
