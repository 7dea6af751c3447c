import type { IncidentDatabase } from '../db/database';
import { sha256Hex } from '../incidents/screenshots';
import { compareEvents, type ScreenshotEvent } from '../model/event';
import { bytesToBase64 } from './base64';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedScreenshot, type ExportFile } from './export-file';

export interface ExportOptions {
  /** Put each verified image's bytes (base64) in the file; otherwise only their hashes. */
  includeImages: boolean;
  now?: () => number;
}

/**
 * Everything on this device as one export (see export-file.ts): all events in
 * (hlc, id) order, and every screenshot with the SHA-256 of its stored bytes,
 * checked against the hash its event recorded at capture.
 */
export async function buildExport(db: IncidentDatabase, { includeImages, now = Date.now }: ExportOptions): Promise<ExportFile> {
  // One read transaction, so events and images are the same moment's snapshot.
  const { events, blobs } = await db.transaction('r', [db.events, db.blobs], async () => {
    const events = await db.events.toArray();
    const shots = events.filter((e): e is ScreenshotEvent => e.kind === 'screenshot');
    return { events, blobs: await db.blobs.bulkGet(shots.map((e) => e.body.blobId)) };
  });
  events.sort(compareEvents);

  // Hashing happens outside the transaction: only Dexie calls may be awaited inside one.
  const stored = new Map(blobs.flatMap((b) => (b ? [[b.id, b.bytes] as const] : [])));
  const screenshots: ExportedScreenshot[] = [];
  for (const e of events) {
    if (e.kind !== 'screenshot') continue;
    screenshots.push(await describeScreenshot(e, stored.get(e.body.blobId), includeImages));
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now()).toISOString(),
    events,
    screenshots,
  };
}

/** The export as JSON text, indented so a reviewer can read it. */
export async function exportJson(db: IncidentDatabase, options: ExportOptions): Promise<string> {
  return JSON.stringify(await buildExport(db, options), null, 2);
}

async function describeScreenshot(e: ScreenshotEvent, bytes: Blob | undefined, includeImages: boolean): Promise<ExportedScreenshot> {
  const base = { eventId: e.id, blobId: e.body.blobId, mimeType: e.body.mimeType };
  if (!bytes) return { ...base, sha256: e.body.sha256, byteLength: e.body.byteLength, status: 'not_stored' };
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== e.body.sha256) return { ...base, sha256, byteLength: bytes.size, status: 'mismatch' };
  return {
    ...base,
    sha256,
    byteLength: bytes.size,
    status: 'verified',
    ...(includeImages ? { data: bytesToBase64(new Uint8Array(await bytes.arrayBuffer())) } : {}),
  };
}
