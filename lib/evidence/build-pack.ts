import type { IncidentDatabase } from '../db/database';
import { registerCsv } from '../export/register';
import { exportRef } from '../export/incident-ref';
import { renderIncidentMarkdown } from '../export/markdown';
import { readIncidentNumbers } from '../incidents/numbers';
import { readTimeline } from '../incidents/queries';
import { screenshotFamilies } from '../incidents/screenshot-family';
import type { ScreenshotEvent } from '../model/event';
import type { Incident } from '../model/incident';
import { CHAIN_GENESIS, genesisHash, sha256Bytes } from './chain';
import { writeEventChain } from './event-chain-writer';
import { selectIncidents } from './pack-filter';
import { PACK_FORMAT, PACK_PATHS, PACK_VERSION, type PackFilter, type PackManifest } from './pack-format';
import { verifyMarkdown } from './verify-text';
import { ZipWriter, type PackSink } from './zip-writer';

export interface PackProgress {
  phase: 'incidents' | 'events';
  done: number;
  total: number;
  /** "Packing incident 340 of 2,000" */
  message: string;
}

export interface PackOptions {
  filter: PackFilter;
  /** The extension's version (the caller reads the manifest: lib/ has no chrome.*). */
  extensionVersion: string;
  now?: () => number;
  onProgress?: (progress: PackProgress) => void;
}

export interface PackSummary {
  incidents: number;
  screenshots: number;
  events: number;
  /** Files in the zip, MANIFEST.json included. */
  files: number;
  head: string;
}

const EXTENSION: Record<ScreenshotEvent['body']['mimeType'], string> = { 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png' };
const count = (n: number) => n.toLocaleString('en');

/**
 * The evidence pack (issue 13): a zip for an auditor with the register, one
 * Markdown report per incident with its screenshots, every event of those
 * incidents in a hash chain (./chain.ts), VERIFY.md, and MANIFEST.json last
 * with every file's size and SHA-256. It is streamed to `sink` as it is made:
 * incidents are read one at a time, their images one at a time, and events in
 * pages, so memory holds one incident's timeline and one page of events, never
 * the zip. A filter leaves incidents out with their events and images; an
 * empty device (or filter) still makes a valid pack.
 */
export async function buildEvidencePack(db: IncidentDatabase, sink: PackSink, options: PackOptions): Promise<PackSummary> {
  const { filter, extensionVersion, now = Date.now, onProgress } = options;
  const createdAt = new Date(now());
  const [incidents, numbers] = await Promise.all([selectIncidents(db, filter), readIncidentNumbers(db)]);
  const zip = new ZipWriter(sink, createdAt);

  zip.textFile(PACK_PATHS.verify, verifyMarkdown());
  // With a byte order mark, Excel reads the register as UTF-8 (as Options' own CSV download does).
  zip.textFile(PACK_PATHS.register, `\uFEFF${registerCsv(incidents, numbers)}`);

  const folders = folderNames(incidents, numbers);
  let screenshots = 0;
  for (const [index, incident] of incidents.entries()) {
    onProgress?.({ phase: 'incidents', done: index, total: incidents.length, message: `Packing incident ${count(index + 1)} of ${count(incidents.length)}` });
    screenshots += await packIncident(db, zip, incident, folders.get(incident.id)!, numbers, now);
  }

  const totalEvents = incidents.reduce((sum, i) => sum + i.eventCount, 0);
  const chain = await writeEventChain(db, zip.text(PACK_PATHS.events), new Set(incidents.map((i) => i.id)), (done) =>
    onProgress?.({ phase: 'events', done, total: totalEvents, message: `Writing events ${count(done)} of ${count(totalEvents)}` }),
  );

  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    createdAt: createdAt.toISOString(),
    extensionVersion,
    filters: filter,
    incidents: incidents.length,
    chain: { algorithm: 'SHA-256', canonicalization: 'RFC 8785', genesis: CHAIN_GENESIS, events: chain.events, head: chain.head },
    files: [...zip.files],
  };
  zip.textFile(PACK_PATHS.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  zip.end();
  return { incidents: incidents.length, screenshots, events: chain.events, files: zip.files.length, head: chain.head ?? genesisHash() };
}

/** One incident's report and its screenshots; returns how many images went in. */
async function packIncident(
  db: IncidentDatabase,
  zip: ZipWriter,
  incident: Incident,
  folder: string,
  numbers: ReadonlyMap<string, number>,
  now: () => number,
): Promise<number> {
  const events = await readTimeline(db, incident.id);
  // What a redaction hides is left out, as on every timeline (lib/incidents/timeline-entries.ts);
  // its image was scrubbed from this device anyway (lib/incidents/screenshots.ts).
  const { hidden } = screenshotFamilies(events);
  const shots = events.filter((e): e is ScreenshotEvent => e.kind === 'screenshot' && !hidden.has(e.id));
  const rows = await db.blobs.bulkGet(shots.map((e) => e.body.blobId));
  const paths = new Map<string, string>();
  for (const [i, event] of shots.entries()) {
    const blob = rows[i]?.bytes;
    if (!blob) continue; // a teammate's image never fetched to this device
    // One image in memory at a time. An image whose bytes no longer hash as its event recorded
    // at capture (damaged on this device) is left out: the pack would not verify with it.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const sha256 = sha256Bytes(bytes);
    if (sha256 !== event.body.sha256) continue;
    const path = `screenshots/${event.id}.${EXTENSION[event.body.mimeType]}`;
    zip.stored(`${folder}/${path}`, bytes, sha256);
    paths.set(event.id, path);
  }
  const ref = exportRef(incident.id, numbers);
  zip.textFile(`${folder}/report.md`, renderIncidentMarkdown(incident, events, ref, { now, imagePath: (e) => paths.get(e.id) }));
  return paths.size;
}

/** incidents/INC-12, or the end of the id for a local one; the whole id if two would share a name. */
function folderNames(incidents: readonly Incident[], numbers: ReadonlyMap<string, number>): Map<string, string> {
  const byRef = new Map<string, number>();
  for (const i of incidents) {
    const ref = exportRef(i.id, numbers);
    byRef.set(ref, (byRef.get(ref) ?? 0) + 1);
  }
  return new Map(
    incidents.map((i) => {
      const ref = exportRef(i.id, numbers);
      return [i.id, `incidents/${byRef.get(ref)! > 1 ? i.id : ref}`];
    }),
  );
}
