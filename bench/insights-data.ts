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

/**
 * The page each incident was declared from, as real ones are: nearly all
 * distinct (an issue or run id, a dashboard with its time range), so the
 * page names the tool of every one of them afresh. Six fixed addresses made
 * that cost vanish behind a memo (issue 13's first runs).
 */
function sourceOf(kind: number, i: number, declared: number): string | null {
  switch (kind) {
    case 0:
      return `https://acme.sentry.io/issues/${4_512_345_678 + i}/?project=4504&referrer=slack`;
    case 1:
      return `https://grafana.acme.io/d/abc${i % 40}/checkout?orgId=1&from=${declared - 3_600_000}&to=${declared}`;
    case 2:
      return `https://github.com/acme/api/issues/${800 + i}`;
    case 3:
      return `https://github.com/acme/api/actions/runs/${123_456_789 + i}`;
    case 4:
      return `https://app.datadoghq.com/monitors/${123_456 + (i % 500)}?from_ts=${declared}`;
    case 5:
      return `https://status.acme.io/incidents/${i}`;
    default:
      return null;
  }
}
const SOURCE_KINDS = 8;
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
      sourceUrl: sourceOf(Math.floor(r() * SOURCE_KINDS), i, declared),
      lastAt: iso(Math.max(...dates)),
    });
  }
  return rows;
}
