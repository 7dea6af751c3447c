// One incident for the printable-report benchmark (bench/report.run.ts): 500
// timeline entries, 50 of them screenshots, folded by the product's own code.
// The screenshots' bytes are drawn in the browser (bench/report.run.ts):
// Node has no WebP encoder, and a Blob cannot cross page.evaluate.
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../lib/clock/hlc';
import { foldAll } from '../lib/incidents/fold-all';
import { incidentEventSchema, type EventDraft, type IncidentEvent } from '../lib/model/event';
import type { BenchData } from './sidepanel-data';

export const SHOT_WIDTH = 1280;
export const SHOT_HEIGHT = 800;

export interface ReportBenchData extends BenchData {
  /** The screenshots' blob ids, in timeline order: the bench stores an image under each. */
  blobIds: string[];
}

const NOTES = [
  'Error rate on checkout-api at 4.2%, up from 0.3% at 09:40',
  'Rolled back deploy 7f3a9c1 of payments-api; watching the graphs',
  'Customers report 502s at checkout; support ticket #48213',
  'Postgres connection pool exhausted (100/100) on payments-api; pg_stat_activity shows 37 waiting',
  'Nothing new in the last 10 minutes',
  'Load balancer shows 12% 502 from payments-api targets in eu-west-1',
];
const LOG = 'ERROR payments-api request failed after 30000ms\n  at pool.connect (db.js:212)\n  at handler (payments-api/index.js:88)\n\ttrace_id=5f2c9a1e';

/** `entries` timeline events (the declaration included), every `entries / images`-th a screenshot. */
export function generateReportData({ entries = 500, images = 50, now = Date.now() } = {}): ReportBenchData {
  const me = { id: uuidv7({ msecs: now - 86_400_000 }), name: 'Bench Me' };
  const events: IncidentEvent[] = [];
  const blobIds: string[] = [];
  let ms = now - entries * 30_000;
  let incidentId = '';
  const push = (draft: EventDraft) => {
    const id = uuidv7({ msecs: ms });
    incidentId ||= id; // the declared event's id is the incident's
    events.push(incidentEventSchema.parse({
      ...draft,
      id,
      incidentId,
      teamId: null,
      authorId: me.id,
      hlc: formatHlc({ wall: ms, counter: 0, node: 'bench0' }),
      createdAt: new Date(ms).toISOString(),
    }));
    ms += 30_000;
  };
  push({
    kind: 'declared',
    body: { title: 'Checkout down: payments-api 502s for EU customers', severity: 'major', leadId: me.id, leadName: me.name, summary: 'Card payments fail for EU customers.' },
  });
  const every = Math.floor(entries / images);
  for (let k = 1; k < entries; k++) {
    if (k % every === every - 1 && blobIds.length < images) {
      const blobId = uuidv7({ msecs: ms });
      blobIds.push(blobId);
      push({
        kind: 'screenshot',
        body: {
          blobId,
          mimeType: 'image/webp',
          width: SHOT_WIDTH,
          height: SHOT_HEIGHT,
          byteLength: 30_000,
          sha256: '0'.repeat(64),
          thumbnail: '',
          source: 'visible',
          pageUrl: `https://grafana.example.com/d/4242/payments-api?panel=${k}`,
          pageTitle: `Payments latency, panel ${k}`,
        },
      });
    } else if (k % 50 === 25) {
      push({ kind: 'follow_up_added', body: { followUpId: uuidv7({ msecs: ms }), text: `Follow-up ${k}: alert on pool exhaustion` } });
    } else {
      push({ kind: 'note', body: k % 17 === 0 ? { text: LOG, format: 'log' } : { text: `${NOTES[k % NOTES.length]} (${k})`, format: 'plain' } });
    }
  }
  return { me, events, incidents: foldAll(events), longIncidentId: incidentId, blobIds };
}
