// Insights' bench data (bench/insights.run.ts): stored facts rows
// (lib/insights/facts.ts) of `count` incidents declared over three years up
// to `now`, about as a busy team logs them: 15% major, nearly all resolved,
// most majors with a customer update, follow-ups, some reviews, sources from
// the recognised tools or none. Deterministic for a seed.
import type { StoredFacts } from '../lib/insights/facts';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SOURCES = [
  'https://acme.sentry.io/issues/4512345678/',
  'https://grafana.acme.io/d/abc123/checkout',
  'https://github.com/acme/api/issues/812',
  'https://github.com/acme/api/actions/runs/123456789',
  'https://app.datadoghq.com/monitors/123456',
  'https://status.acme.io/',
  null,
  null,
];
const MIN = 60_000;
const YEARS = 3 * 365 * 86_400_000;

export function generateInsightsFacts(count: number, now = Date.now(), seed = 13): StoredFacts[] {
  const r = prng(seed);
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows: StoredFacts[] = [];
  for (let i = 0; i < count; i++) {
    const declared = now - YEARS + Math.floor((YEARS * (i + r())) / count);
    const major = r() < 0.15;
    const resolved = declared < now - 2 * 86_400_000 || r() < 0.5 ? declared + Math.floor(10 * MIN + r() * r() * 48 * 60 * MIN) : null;
    const update = major && r() < 0.8 ? declared + Math.floor(5 * MIN + r() * 40 * MIN) : null;
    const followUps = r() < 0.4 ? [declared + 30 * MIN, ...(r() < 0.3 ? [declared + 60 * MIN] : [])] : [];
    const done = followUps.filter(() => r() < 0.6).map((at) => at + Math.floor(r() * 14 * 86_400_000));
    const dates = [declared, resolved, update, ...followUps, ...done].filter((d): d is number => d !== null);
    const outcomeRoll = r();
    rows.push({
      id: `0190b000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
      teamId: null,
      declaredAt: iso(declared),
      severity: major ? 'major' : 'minor',
      status: resolved ? 'resolved' : 'active',
      outcome: resolved ? (outcomeRoll < 0.7 ? 'fixed' : outcomeRoll < 0.9 ? 'deferred' : 'no_action') : null,
      resolvedAt: resolved ? iso(resolved) : null,
      firstCustomerUpdateAt: update ? iso(update) : null,
      followUpsAddedAt: followUps.map(iso),
      followUpsDoneAt: done.map(iso),
      reviewedByOutsider: resolved !== null && r() < 0.3,
      sourceUrl: SOURCES[Math.floor(r() * SOURCES.length)]!,
      lastAt: iso(Math.max(...dates)),
    });
  }
  return rows;
}
