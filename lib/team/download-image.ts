import type { IncidentDatabase } from '../db/database';
import { sha256Hex } from '../incidents/screenshots';
import { imagePath } from '../sync/transport';

export const IMAGE_MISMATCH =
  'The image on the server does not match what was recorded for this screenshot, so it is not shown. Ask whoever added it to add it again.';

/** The server's bytes are not the ones the screenshot event recorded: never stored, never shown. */
export class ImageMismatchError extends Error {
  override name = 'ImageMismatchError';
  constructor() {
    super(IMAGE_MISMATCH);
  }
}

export interface DownloadImageDeps {
  db: IncidentDatabase;
  /** Storage download of one object path (lib/sync/supabase-transport.ts). */
  download(path: string): Promise<Blob>;
  now: () => number;
}

/**
 * Fetches a teammate's screenshot the first time someone opens it, and keeps
 * it as a cache. Storage lets a team's members write objects, so the bytes are
 * only trusted when their SHA-256 (and length) match what the screenshot event
 * recorded: the event is the record; the object is a copy anyone could
 * overwrite on an older server.
 */
export async function downloadImage(deps: DownloadImageDeps, eventId: string): Promise<{ bytes: number }> {
  const event = await deps.db.events.get(eventId);
  if (event?.kind !== 'screenshot' || !event.teamId) throw new Error('That screenshot is not shared with a team.');
  if (!event.body.thumbnail) throw new Error('That screenshot was removed.');
  const bytes = await deps.download(imagePath(event.teamId, event.incidentId, event.id, event.body.mimeType));
  if (bytes.size !== event.body.byteLength || (await sha256Hex(bytes)) !== event.body.sha256) throw new ImageMismatchError();
  await deps.db.blobs.put({
    id: event.body.blobId,
    incidentId: event.incidentId,
    mimeType: event.body.mimeType,
    bytes,
    createdAt: new Date(deps.now()).toISOString(),
  });
  return { bytes: bytes.size };
}
