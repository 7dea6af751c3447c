import { eventKinds, incidentEventSchema, type EventBody, type EventKind, type IncidentEvent } from '../../lib/model/event';

/**
 * One well-formed event of every kind, for the checks that each kind is shown
 * on the timeline and written in the Markdown report. Typed by kind: a new
 * kind fails to compile here until it has a sample.
 */
const INCIDENT = '0190a000-0000-7000-8000-0000000000a1';
const AUTHOR = '0190a000-0000-7000-8000-0000000000b1';
const DECLARED_ID = INCIDENT; // an incident's own declaration carries its id (lib/incidents/authority.ts)
const SHOT_ID = '0190a000-0000-7000-8000-000000000002';

const bodies: { [K in EventKind]: EventBody<K> } = {
  declared: { title: 'Checkout down', severity: 'major', leadId: AUTHOR, leadName: 'Sam' },
  title_changed: { title: 'Checkout slow' },
  summary_changed: { summary: 'Card payments time out.' },
  severity_changed: { severity: 'minor' },
  lead_changed: { leadId: AUTHOR, leadName: 'Ana' },
  status_changed: { status: 'resolved', outcome: 'fixed' },
  note: { text: 'Rolled back the deploy.' },
  customer_update: { channel: 'status_page', text: 'We are investigating.' },
  follow_up_added: { followUpId: '0190a000-0000-7000-8000-0000000000c1', text: 'Add an alert' },
  follow_up_done: { followUpId: '0190a000-0000-7000-8000-0000000000c1', done: true },
  follow_up_linked: { followUpId: '0190a000-0000-7000-8000-0000000000c1', url: 'https://github.com/acme/web/issues/42' },
  feedback: { text: 'Good call to roll back.' },
  screenshot: {
    blobId: '0190a000-0000-7000-8000-0000000000d1',
    mimeType: 'image/webp',
    width: 800,
    height: 600,
    byteLength: 1234,
    sha256: 'a'.repeat(64),
    thumbnail: '',
    source: 'visible',
    pageTitle: 'Checkout',
  },
  redacted: { eventId: SHOT_ID, reason: 'removed' },
  reviewed: {},
  reaction: { eventId: DECLARED_ID, emoji: '👍', on: true },
};

/** The sample of `kind`, parsed (so a sample can never drift from the schema). */
export function sampleEvent(kind: EventKind, index = eventKinds.indexOf(kind)): IncidentEvent {
  const id = kind === 'declared' ? DECLARED_ID : kind === 'screenshot' ? SHOT_ID : `0190a000-0000-7000-8000-${String(100 + index).padStart(12, '0')}`;
  return incidentEventSchema.parse({
    id,
    incidentId: INCIDENT,
    teamId: null,
    authorId: AUTHOR,
    hlc: `${String(1_780_000_000_000 + index).padStart(15, '0')}-00000-test`,
    createdAt: new Date(1_780_000_000_000 + index).toISOString(),
    kind,
    body: bodies[kind],
  });
}
