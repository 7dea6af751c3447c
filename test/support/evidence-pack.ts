import type { IncidentDatabase } from '../../lib/db/database';
import { buildEvidencePack, type PackOptions } from '../../lib/evidence/build-pack';
import { NO_FILTER } from '../../lib/evidence/pack-format';

/** Builds a pack into memory (tests only: the browser folds chunks into a Blob, lib/evidence/blob-sink.ts). */
export async function packBytes(db: IncidentDatabase, options: Partial<PackOptions> = {}) {
  const chunks: Uint8Array[] = [];
  const summary = await buildEvidencePack(db, { write: (c) => void chunks.push(c) }, { filter: NO_FILTER, extensionVersion: '0.1.0-test', ...options });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, summary, chunks: chunks.length };
}
