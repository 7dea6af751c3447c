import type { BlobRow, IncidentDatabase } from '../db/database';
import { projectionTables } from '../incidents/projection';
import { outboxRow } from '../db/outbox-row';
import { refold } from '../incidents/append';
import { isQuotaExceeded, StorageFullError, ValidationError } from '../incidents/errors';
import type { IncidentEvent, ScreenshotEvent } from '../model/event';
import { isClockAhead, judgeIncoming, storeAdmitted } from '../sync/ingest';
import { base64ToBytes, sha256OfBytes } from './base64';
import { EXPORT_FORMAT, EXPORT_VERSION, exportFileSchema, type ExportFile } from './export-file';

/**
 * Reading an export back in (another device, a fresh profile, an archive).
 *
 * - **All or nothing.** The whole file is checked first: JSON, this format, a
 *   version we can read, every event against `incidentEventSchema`, every
 *   included image against its SHA-256 and its screenshot event. Any fault
 *   refuses the file with one sentence (`ImportRefusedError`) before anything
 *   is written. The writes then happen in one Dexie transaction, so a full disk
 *   leaves nothing half-imported (`StorageFullError`).
 * - **Idempotent.** Events are immutable and keyed by id: ids already here are
 *   skipped (the copy here wins), so importing the same file twice adds nothing.
 *   An image is added only when its blob is missing.
 * - **Redactions hold.** A screenshot redacted here, or in the file, is stored
 *   without its thumbnail and its image is never added: privacy outranks the
 *   record, as everywhere else (docs/architecture.md, Redaction).
 * - **Not queued for sync.** Imported events are someone's record, already
 *   published to their team or kept local by choice; this device did not author
 *   them, and the server accepts only events authored by the caller. They get
 *   no outbox rows. If this device belongs to the same team, sync pulls the same
 *   ids and skips them (set union).
 * - The persisted hybrid logical clock is advanced past the imported events, so
 *   anything written here next sorts after them. A file stamped more than a day
 *   ahead is refused, as sync quarantines such rows (lib/sync/pull.ts).
 */
export class ImportRefusedError extends ValidationError {
  override name = 'ImportRefusedError';
}

export interface ImportResult {
  /** Events added to the log. */
  added: number;
  /** Events already on this device, left as they were. */
  skipped: number;
  /** Images added. */
  images: number;
}

function refuse(reason: string): never {
  throw new ImportRefusedError(`${reason}, so nothing was imported.`);
}

export async function importJson(db: IncidentDatabase, text: string, { now = Date.now } = {}): Promise<ImportResult> {
  const file = parseExportFile(text);
  checkEvents(file, now());
  const images = await checkImages(file);
  try {
    return await store(db, file, images, now());
  } catch (error) {
    if (isQuotaExceeded(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** Parses and validates an export file's text, or throws `ImportRefusedError` saying what is wrong. */
export function parseExportFile(text: string): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('This file is not valid JSON (it may be cut short or damaged)');
  }
  const header = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; version?: unknown };
  if (header.format !== EXPORT_FORMAT) refuse('This is not an Incident Capture export file');
  if (typeof header.version === 'number' && header.version > EXPORT_VERSION) {
    throw new ImportRefusedError(
      `This export is format version ${header.version}, newer than this extension can read, so nothing was imported; update the extension and try again.`,
    );
  }
  if (header.version !== EXPORT_VERSION) refuse('This export file has no valid format version');

  const parsed = exportFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [section, index, ...rest] = issue.path;
  const what = (path: readonly PropertyKey[], whole: string) => `${formatPath(path) || whole}: ${issue.message.replace(/\.$/, '')}`;
  if (section === 'events' && typeof index === 'number') return refuse(`Event ${index + 1} is not valid (${what(rest, 'the event')})`);
  if (section === 'screenshots' && typeof index === 'number') return refuse(`Image ${index + 1} is not valid (${what(rest, 'the entry')})`);
  return refuse(`This export file is not valid (${what(issue.path, 'the file')})`);
}

/** A zod issue path as a reader would write it: `body.title`, `events[3]`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function checkEvents(file: ExportFile, nowMs: number): void {
  const seen = new Map<string, number>();
  file.events.forEach((e, i) => {
    const earlier = seen.get(e.id);
    if (earlier !== undefined) refuse(`Event ${i + 1} has the same id as event ${earlier + 1}`);
    seen.set(e.id, i);
    if (isClockAhead(e.hlc, nowMs)) {
      refuse(`Event ${i + 1} is stamped more than a day in the future (check the clock of the device that exported it)`);
    }
  });
}

/** Included images as blob rows, each proven to be the bytes its screenshot event recorded. */
async function checkImages(file: ExportFile): Promise<BlobRow[]> {
  const shots = new Map(file.events.flatMap((e) => (e.kind === 'screenshot' ? [[e.id, e] as const] : [])));
  const rows = new Map<string, BlobRow>();
  for (const [i, entry] of file.screenshots.entries()) {
    if (entry.data === undefined) continue; // listed for the record, bytes not included
    const event: ScreenshotEvent | undefined = shots.get(entry.eventId);
    if (!event || event.body.blobId !== entry.blobId || event.body.mimeType !== entry.mimeType) {
      refuse(`Image ${i + 1} does not belong to a screenshot in this file`);
    }
    // Hashing must happen here, before the transaction: only Dexie calls may be awaited inside it.
    const bytes = base64ToBytes(entry.data);
    const sha256 = await sha256OfBytes(bytes);
    if (bytes.length !== entry.byteLength || sha256 !== entry.sha256 || sha256 !== event.body.sha256) {
      refuse(`Image ${i + 1} does not match its SHA-256 hash (the file was changed or damaged)`);
    }
    rows.set(entry.blobId, {
      id: entry.blobId,
      incidentId: event.incidentId,
      mimeType: entry.mimeType,
      bytes: new Blob([bytes], { type: entry.mimeType }),
      createdAt: event.createdAt,
    });
  }
  return [...rows.values()];
}

async function store(db: IncidentDatabase, file: ExportFile, images: BlobRow[], nowMs: number): Promise<ImportResult> {
  return db.transaction('rw', [db.events, ...projectionTables(db), db.meta, db.blobs, db.outbox], async () => {
    // The one ingest path (lib/sync/ingest.ts): what a pull would hold back, an import refuses.
    const { admitted, held } = await judgeIncoming(db, file.events, nowMs);
    if (held.length) {
      const { event, reason } = held[0]!;
      refuse(`Event ${file.events.indexOf(event) + 1} breaks the record's rules (${reason})`);
    }

    // Everything redacted, here or in the file: never restored by an import.
    const redacted = new Set<string>();
    const collect = (e: IncidentEvent) => {
      if (e.kind === 'redacted') redacted.add(e.body.eventId);
    };
    const present = await db.events.bulkGet(admitted.map((e) => e.id));
    await db.events.filter((e) => e.kind === 'redacted').each(collect);
    admitted.forEach(collect);
    const incoming = admitted.map((e) => (e.kind === 'screenshot' && redacted.has(e.id) ? { ...e, body: { ...e.body, thumbnail: '' } } : e));
    const fresh = await storeAdmitted(db, incoming, nowMs);
    const touched = new Set(fresh.map((e) => e.incidentId));

    // Local-only work (never published) is queued like anything written here,
    // so the incident can be shared into a team later (lib/sync/identity.ts).
    await db.outbox.bulkPut(fresh.filter((e) => e.teamId === null).map((e) => outboxRow(e, new Date(nowMs).toISOString())));

    const eventOfBlob = new Map(file.events.flatMap((e) => (e.kind === 'screenshot' ? [[e.body.blobId, e.id] as const] : [])));
    const wanted = images.filter((row) => !redacted.has(eventOfBlob.get(row.id)!));
    const stored = await db.blobs.bulkGet(wanted.map((row) => row.id));
    const missing = wanted.filter((_, i) => !stored[i]);
    await db.blobs.bulkAdd(missing);

    for (const id of touched) await refold(db, id);
    return { added: fresh.length, skipped: present.filter(Boolean).length, images: missing.length };
  });
}
