// Bench data for the evidence pack (bench/evidence.run.ts): the side-panel
// bench's incidents (bench/sidepanel-data.ts, 50 events each) plus one
// screenshot per incident, ~30 KB of incompressible bytes like a real WebP
// capture, with its event (hash, size, a thumbnail) and the projection refolded.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../lib/clock/hlc';
import { foldAll } from '../lib/incidents/fold-all';
import type { IncidentEvent } from '../lib/model/event';
import { generateBenchData, type BenchData } from './sidepanel-data';

export const IMAGE_BYTES = 30_000;

export interface EvidenceBenchData extends BenchData {
  /** One image per incident: its blob row's fields, the bytes as base64 (sent to the page in batches). */
  images: { id: string; incidentId: string; base64: string }[];
}

/** xorshift bytes: deterministic, and as incompressible as an encoded image. */
function noise(seed: number, n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function generateEvidenceData(incidents: number): EvidenceBenchData {
  const data = generateBenchData({ incidents, eventsPerIncident: 50, longEvents: 1 });
  const thumbnail = `data:image/webp;base64,${noise(7, 1_500).toString('base64')}`;
  const images: EvidenceBenchData['images'] = [];
  const shots: IncidentEvent[] = [];
  const last = new Map<string, IncidentEvent>();
  for (const e of data.events) last.set(e.incidentId, e);
  let i = 0;
  for (const [incidentId, after] of last) {
    const bytes = noise(i + 11, IMAGE_BYTES);
    const ms = Date.parse(after.createdAt) + 1_000;
    const blobId = uuidv7({ msecs: ms });
    shots.push({
      id: uuidv7({ msecs: ms }),
      incidentId,
      teamId: null,
      authorId: after.authorId,
      hlc: formatHlc({ wall: ms, counter: 0, node: after.hlc.split('-')[2]! }),
      createdAt: new Date(ms).toISOString(),
      kind: 'screenshot',
      body: {
        blobId,
        mimeType: 'image/webp',
        width: 1280,
        height: 800,
        byteLength: IMAGE_BYTES,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        thumbnail,
        source: 'visible',
        pageUrl: 'https://grafana.example/d/checkout',
        pageTitle: 'Checkout errors - Grafana',
      },
    });
    images.push({ id: blobId, incidentId, base64: bytes.toString('base64') });
    i++;
  }
  const events = [...data.events, ...shots];
  return { ...data, events, incidents: foldAll(events), images };
}
