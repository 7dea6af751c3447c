// Realistic local data for the side-panel benchmark (bench/sidepanel.run.ts):
// 2,000 incidents of 50 events each (100,000 events) — 20,000 (1,000,000) at
// issue 13's scale, made in batches — and one long incident of 5,000 events,
// with their projection rows folded by the product's own code.
// Deterministic (seeded) apart from the random bits of the UUIDv7 ids.
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../lib/clock/hlc';
import { foldAll } from '../lib/incidents/fold-all';
import { incidentEventSchema, type EventDraft, type IncidentEvent } from '../lib/model/event';
import { incidentSchema, type Incident } from '../lib/model/incident';

export interface Person {
  id: string;
  name: string;
}

export interface BenchData {
  me: Person;
  events: IncidentEvent[];
  incidents: Incident[];
  /** The incident with 5,000 timeline events. */
  longIncidentId: string;
}

/** mulberry32: a small seeded PRNG, so every run builds the same incidents. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout', 'payments-api', 'auth', 'search', 'catalog', 'orders', 'notifications', 'billing', 'inventory', 'shipping', 'api-gateway', 'web-frontend', 'mobile-bff', 'reporting'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1', 'ap-northeast-1'];
const NAMES = ['Priya Raman', 'Tomás Ortega', 'Mei Lin', 'Jonas Becker', 'Amara Okafor', 'Sam Carter', 'Lena Novak'];
const FLAGS = ['new-cart-flow', 'async-receipts', 'search-v2', 'edge-cache', 'batch-invoices'];

type Ctx = { service: string; region: string; r: () => number; pick: <T>(xs: readonly T[]) => T; n: (lo: number, hi: number) => number };

/** What went wrong: the title and most notes of an incident follow one theme, so searches hit subsets. */
const THEMES: { title: (c: Ctx) => string; notes: ((c: Ctx) => string)[] }[] = [
  {
    title: (c) => `Checkout 502s from ${c.service} in ${c.region}`,
    notes: [
      (c) => `Customers report 502s at checkout; support ticket #${c.n(10_000, 99_999)}`,
      (c) => `Load balancer shows ${c.n(2, 40)}% 502 from ${c.service} targets in ${c.region}`,
      (c) => `Upstream ${c.service} closing keep-alive connections early; nginx logs "upstream prematurely closed"`,
    ],
  },
  {
    title: (c) => `Postgres connection pool exhausted on ${c.service}`,
    notes: [
      (c) => `Postgres connection pool exhausted (${c.n(90, 100)}/100) on ${c.service}`,
      (c) => `Long-running query holding locks on orders table for ${c.n(30, 600)} s; pg_stat_activity shows ${c.n(5, 50)} waiting`,
      (c) => `Killed idle-in-transaction sessions; pool back to ${c.n(10, 60)}/100`,
    ],
  },
  {
    title: (c) => `${c.service} pods OOMKilled in ${c.region}`,
    notes: [
      (c) => `${c.service} pods restarting: OOMKilled, ${c.n(3, 30)} restarts in the last hour`,
      (c) => `Heap grows ${c.n(50, 400)} MB per hour since the last deploy; suspect the new cache`,
      (c) => `Raised memory limit to ${c.n(2, 8)} GiB as a stopgap`,
    ],
  },
  {
    title: (c) => `Redis eviction storm slowing ${c.service}`,
    notes: [
      (c) => `Redis eviction rate spiking; maxmemory reached on cache-${c.n(1, 9)}`,
      (c) => `Cache hit ratio down to ${c.n(20, 70)}% for ${c.service}; database load up ${c.n(2, 6)}x`,
      () => `Flushed stale session keys; evictions falling`,
    ],
  },
  {
    title: (c) => `Kafka consumer lag on ${c.service} events`,
    notes: [
      (c) => `Kafka consumer lag ${c.n(10, 900)}k messages on topic ${c.service}.events.v${c.n(1, 4)}`,
      (c) => `Rebalancing loop: consumer group ${c.service}-workers keeps losing partitions`,
      (c) => `Scaled consumers from ${c.n(3, 6)} to ${c.n(8, 16)}; lag draining`,
    ],
  },
  {
    title: (c) => `DNS resolution failing for ${c.service}.internal`,
    notes: [
      (c) => `DNS resolution failing for ${c.service}.internal from ${c.region}: SERVFAIL`,
      () => `CoreDNS pods at CPU limit; ndots:5 makes every lookup five queries`,
      () => `Added a NodeLocal DNSCache; failures stopped`,
    ],
  },
  {
    title: (c) => `TLS certificate expired on ${c.service}`,
    notes: [
      (c) => `TLS cert for ${c.service}.example.com expired at 00:00 UTC; browsers show NET::ERR_CERT_DATE_INVALID`,
      () => `cert-manager renewal failed: ACME challenge blocked by the WAF rule added last week`,
      () => `Issued a certificate by hand; renewal job fixed`,
    ],
  },
  {
    title: (c) => `p99 latency regression on ${c.service} after deploy`,
    notes: [
      (c) => `p99 latency on ${c.service} at ${c.n(900, 4_000)} ms, up from ${c.n(120, 300)} ms`,
      (c) => `Flame graph shows JSON serialisation of ${c.pick(['cart', 'order', 'user', 'catalog'])} payloads dominating`,
      (c) => `Rolled back ${c.service} to ${c.n(0x1000000, 0xfffffff).toString(16)}; watching latency`,
    ],
  },
  {
    title: (c) => `Feature flag ${c.pick(FLAGS)} broke ${c.service} for some users`,
    notes: [
      (c) => `Feature flag ${c.pick(FLAGS)} turned off for ${c.n(5, 100)}% of traffic`,
      (c) => `Errors only for users in the ${c.pick(FLAGS)} cohort: missing field in the response`,
      () => `Flag fully off; error rate back to baseline`,
    ],
  },
  {
    title: (c) => `Third-party payment provider timeouts (${c.region})`,
    notes: [
      (c) => `Payment provider API timing out after 30 s for ${c.n(3, 60)}% of calls from ${c.region}`,
      () => `Provider status page confirms degraded performance; no ETA`,
      () => `Switched card payments to the fallback provider`,
    ],
  },
];

const GENERIC: ((c: Ctx, who: string) => string)[] = [
  (_c, who) => `Paged ${who}, joining the bridge`,
  (c) => `Error rate now ${(c.r() * 5).toFixed(1)}%; keeping an eye on it`,
  (c) => `Deploy ${c.n(0x1000000, 0xfffffff).toString(16)} of ${c.service} started`,
  () => `Status page updated`,
  (c) => `Dashboard: https://grafana.example.com/d/${c.n(1000, 9999)}/${c.service}?from=now-6h`,
  () => `Nothing new in the last 10 minutes`,
  (c) => `Asked #${c.service} channel whether anything changed today`,
];

const logNote = (c: Ctx) =>
  `ERROR ${c.service} request failed after ${c.n(1_000, 30_000)}ms\n  at pool.connect (db.js:${c.n(10, 400)})\n  at handler (${c.service}/index.js:${c.n(10, 900)})\n\ttrace_id=${c.n(0x10000000, 0x7fffffff).toString(16)}`;

const SUMMARIES = [
  'Customers in some regions cannot complete purchases.',
  'Elevated error rates; impact still being assessed.',
  'Internal only: no customer impact seen so far.',
];

/**
 * A log written by hand: `push` appends one event as `author` at `ms` (its
 * clock and date) and answers the incident's id; with `incidentId` null it
 * declares one (an incident's id is the id of its `declared` event). Each
 * author writes from their own clock node. Also seeds the E2E suites'
 * teammate histories (test/e2e/fixtures.ts).
 */
export function eventLog(nodeOf: (authorId: string) => string) {
  const events: IncidentEvent[] = [];
  function push(incidentId: string | null, author: Person, ms: number, draft: EventDraft): string {
    const id = uuidv7({ msecs: ms });
    events.push({
      ...draft,
      id,
      incidentId: incidentId ?? id,
      teamId: null,
      authorId: author.id,
      hlc: formatHlc({ wall: ms, counter: 0, node: nodeOf(author.id) }),
      createdAt: new Date(ms).toISOString(),
    } as IncidentEvent);
    return incidentId ?? id;
  }
  return { events, push };
}

export interface BenchOptions {
  incidents?: number;
  eventsPerIncident?: number;
  longEvents?: number;
  now?: number;
  seed?: number;
  /** Days the incidents are declared over (60 for 2,000: one every ~43 minutes; issue 13's 20,000 spread over ~600, a team's years). */
  spanDays?: number;
}

/** One slice of the data: whole incidents' events, their projection rows folded by the product's own code. */
export interface BenchBatch {
  events: IncidentEvent[];
  incidents: Incident[];
}

/**
 * The data as a stream of batches of whole incidents, then the long one:
 * 1,000,000 events (issue 13) never sit in memory at once. The same seed
 * gives the same incidents as `generateBenchData` (which collects them).
 */
export function benchGenerator({
  incidents: incidentCount = 2_000,
  eventsPerIncident = 50,
  longEvents = 5_000,
  now = Date.now(),
  seed = 5,
  spanDays = 60,
}: BenchOptions = {}) {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const me: Person = { id: uuidv7({ msecs: now - 90 * 86_400_000 }), name: 'Bench Me' };
  const teammates: Person[] = NAMES.map((name, i) => ({ id: uuidv7({ msecs: now - 90 * 86_400_000 + i + 1 }), name }));
  const people = [me, ...teammates];
  const nodeOf = new Map(people.map((p, i) => [p.id, `bench${i}`]));
  const state = { longIncidentId: '' };

  // `incidentCount` incidents declared over the span (2,000 over 60 days: one
  // every ~43 minutes), each with a ~45-60 minute log. About 40% are still active, 15% Major.
  const span = spanDays * 86_400_000;
  const start = now - span;
  function incident(i: number, push: ReturnType<typeof eventLog>['push']): void {
    const c: Ctx = { service: pick(SERVICES), region: pick(REGIONS), r, pick, n };
    const theme = pick(THEMES);
    const declaredAt = start + Math.floor((i * (span - 3 * 3_600_000)) / incidentCount) + n(0, 60_000);
    const major = r() < 0.15;
    const resolved = r() < 0.6;
    const lead = r() < 0.2 ? me : pick(teammates);
    const crew = [lead, pick(people), pick(people), r() < 0.3 ? me : pick(teammates)];
    let ms = declaredAt;
    const id = push(null, lead, ms, {
      kind: 'declared',
      body: {
        title: theme.title(c),
        severity: major ? 'major' : 'minor',
        leadId: lead.id,
        leadName: lead.name,
        ...(r() < 0.5 ? { summary: pick(SUMMARIES) } : {}),
        ...(r() < 0.4 ? { sourceUrl: `https://grafana.example.com/d/${n(1000, 9999)}/${c.service}` } : {}),
      },
    });
    // Where the changes fall among the 49 later events.
    const special = new Map<number, EventDraft>();
    special.set(n(3, 15), { kind: 'severity_changed', body: { severity: major ? 'minor' : 'major' } });
    special.set(n(16, 25), { kind: 'severity_changed', body: { severity: major ? 'major' : 'minor' } });
    const newLead = pick(people);
    special.set(n(26, 35), { kind: 'lead_changed', body: { leadId: newLead.id, leadName: newLead.name } });
    if (major) special.set(n(36, 44), { kind: 'customer_update', body: { channel: 'status_page', text: `We are investigating errors affecting ${c.service}.` } });
    if (resolved) special.set(eventsPerIncident - 1, { kind: 'status_changed', body: { status: 'resolved', outcome: pick(['fixed', 'no_action'] as const) } });
    for (let k = 1; k < eventsPerIncident; k++) {
      ms += n(20_000, 90_000);
      const author = pick(crew);
      const draft: EventDraft = special.get(k) ?? {
        kind: 'note',
        body:
          r() < 0.05
            ? { text: logNote(c), format: 'log' }
            : { text: r() < 0.7 ? pick(theme.notes)(c) : pick(GENERIC)(c, pick(people).name), format: 'plain' },
      };
      push(id, author, ms, draft);
    }
  }

  // One long-running Major incident, still active: `longEvents` events over ~7 hours.
  function longIncident(push: ReturnType<typeof eventLog>['push'], events: IncidentEvent[]): string {
    const c: Ctx = { service: 'payments-api', region: 'eu-west-1', r, pick, n };
    const lead = teammates[0]!;
    let ms = now - longEvents * 5_000 - 60_000;
    const longIncidentId = push(null, lead, ms, {
      kind: 'declared',
      body: {
        title: 'Checkout down: payments-api 502s for all EU customers',
        severity: 'major',
        leadId: lead.id,
        leadName: lead.name,
        summary: 'Card payments fail for EU customers since 08:40 UTC.',
        sourceUrl: 'https://grafana.example.com/d/4242/payments-api',
      },
    });
    const noteIds: string[] = [];
    for (let k = 1; k < longEvents; k++) {
      ms += n(3_000, 7_000);
      const author = pick(people);
      const roll = r();
      let draft: EventDraft;
      const next = pick(people);
      if (k % 500 === 0) draft = { kind: 'lead_changed', body: { leadId: next.id, leadName: next.name } };
      else if (k % 150 === 0) draft = { kind: 'customer_update', body: { channel: pick(['email', 'status_page', 'slack'] as const), text: 'We are still working on the payment failures in Europe. Next update in 30 minutes.' } };
      else if (k % 250 === 0) draft = { kind: 'follow_up_added', body: { followUpId: uuidv7({ msecs: ms }), text: `Post-incident: ${pick(GENERIC)(c, author.name)}`.slice(0, 200) } };
      else if (roll < 0.04 && noteIds.length) draft = { kind: 'reaction', body: { eventId: pick(noteIds), emoji: pick(['👍', '👀', '💡'] as const), on: true } };
      else if (roll < 0.12) draft = { kind: 'note', body: { text: logNote(c), format: 'log' } };
      else draft = { kind: 'note', body: { text: r() < 0.6 ? pick(pick(THEMES).notes)(c) : pick(GENERIC)(c, pick(people).name), format: 'plain' } };
      push(longIncidentId, author, ms, draft);
      if (draft.kind === 'note') noteIds.push(events[events.length - 1]!.id);
    }
    return longIncidentId;
  }

  return {
    me,
    /** Set once the last batch (the long incident) has been made. */
    get longIncidentId() {
      return state.longIncidentId;
    },
    /** Batches of `batchIncidents` whole incidents, then one with the long incident. */
    *batches(batchIncidents = 1_000): Generator<BenchBatch> {
      for (let from = 0; from < incidentCount; from += batchIncidents) {
        const { events, push } = eventLog((id) => nodeOf.get(id)!);
        for (let i = from; i < Math.min(incidentCount, from + batchIncidents); i++) incident(i, push);
        yield { events, incidents: foldAll(events) };
      }
      const { events, push } = eventLog((id) => nodeOf.get(id)!);
      state.longIncidentId = longIncident(push, events);
      yield { events, incidents: foldAll(events) };
    },
  };
}

/** All of the data at once (the E2E suites' seeds and the report bench; the side-panel bench streams `benchGenerator`). */
export function generateBenchData(options: BenchOptions = {}): BenchData {
  const generator = benchGenerator(options);
  const events: IncidentEvent[] = [];
  const incidents: Incident[] = [];
  for (const batch of generator.batches(Number.MAX_SAFE_INTEGER)) {
    for (const e of batch.events) events.push(e);
    for (const i of batch.incidents) incidents.push(i);
  }
  return { me: generator.me, events, incidents, longIncidentId: generator.longIncidentId };
}

/** Parses every event and every projection row with the product's schemas: the data is valid by the app's own rules. */
export function validateBenchData(data: Pick<BenchData, 'events' | 'incidents'>, every = 1): void {
  for (let i = 0; i < data.events.length; i += every) incidentEventSchema.parse(data.events[i]);
  for (let i = 0; i < data.incidents.length; i += every) incidentSchema.parse(data.incidents[i]);
}
