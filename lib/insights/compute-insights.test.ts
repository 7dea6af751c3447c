import { describe, expect, it } from 'vitest';
import { computeInsights } from './compute-insights';
import { after, fact, H, MIN, t, TEAM } from './test-facts';

// Four ISO weeks, Monday 2 Nov to Monday 30 Nov 2026 (excluded): W1 = 2 Nov, W2 = 9 Nov, W3 = 16 Nov, W4 = 23 Nov.
const PERIOD = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-30T00:00:00Z') };
const [W1, W2, W3, W4] = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((d) => t(`${d}T00:00:00Z`));

const A = fact('2026-11-02T00:00:00.000Z', { resolvedAt: after('2026-11-02T00:00:00Z', 2 * H), outcome: 'fixed', reviewedByOutsider: true, source: 'sentry' });
const J = fact('2026-11-03T12:00:00.000Z', { source: 'sentry' });
// Sunday 23:00 UTC: still week 1.
const B = fact('2026-11-08T23:00:00.000Z', {
  severity: 'major',
  resolvedAt: '2026-11-09T03:00:00.000Z', // 4 h, resolved in W2
  outcome: 'deferred',
  firstCustomerUpdateAt: after('2026-11-08T23:00:00Z', 30 * MIN),
  followUpsAddedAt: ['2026-11-09T03:00:00.000Z'],
  followUpsDoneAt: ['2026-11-17T10:00:00.000Z'],
  source: 'grafana',
});
const C = fact('2026-11-10T10:00:00.000Z', {
  severity: 'major',
  resolvedAt: '2026-11-10T11:00:00.000Z', // 1 h
  outcome: 'fixed',
  firstCustomerUpdateAt: after('2026-11-10T10:00:00Z', 10 * MIN),
  reviewedByOutsider: true,
  followUpsAddedAt: ['2026-11-10T11:00:00.000Z', '2026-11-10T11:00:00.000Z'], // two at once: both count
  followUpsDoneAt: ['2026-11-30T00:00:00.000Z'], // at `to`: outside
  source: 'github-issue',
});
const D = fact('2026-11-11T00:00:00.000Z', { resolvedAt: '2026-11-11T04:00:00.000Z', outcome: 'no_action' });
const E = fact('2026-11-20T00:00:00.000Z', { source: 'vercel' });
// Declared before the period, resolved in W1 after 14 days = 336 h; its follow-up is done in W1.
const F = fact('2026-10-20T00:00:00.000Z', {
  resolvedAt: '2026-11-03T00:00:00.000Z',
  outcome: 'fixed',
  followUpsAddedAt: ['2026-10-20T00:00:00.000Z'],
  followUpsDoneAt: ['2026-11-04T00:00:00.000Z'],
});
// Declared in W3, resolved after the period: counts as declared, not as resolved.
const G = fact('2026-11-22T23:00:00.000Z', { severity: 'major', resolvedAt: '2026-12-01T00:00:00.000Z', outcome: 'fixed', source: 'jira' });
// Declared exactly at `to`, and wholly before the period: neither counts.
const Hx = fact('2026-11-30T00:00:00.000Z', { severity: 'major' });
const I = fact('2026-10-01T00:00:00.000Z', { severity: 'major', resolvedAt: '2026-10-02T00:00:00.000Z', outcome: 'fixed', reviewedByOutsider: true });
const ALL = [A, J, B, C, D, E, F, G, Hx, I];

describe('computeInsights over a hand-counted month', () => {
  const x = computeInsights(ALL, PERIOD, 'device', null);

  it('counts the incidents with anything in the period: A J B C D E F G (not H at `to`, not I before)', () => {
    expect(x.incidentCount).toBe(8);
  });

  it('incidents per ISO week by severity, the empty fourth week included', () => {
    // W1: A, J minor + B major (Sunday 23:00); W2: D minor + C major; W3: E minor + G major; W4: none.
    expect(x.perWeek).toEqual([
      { weekStart: W1, minor: 2, major: 1 },
      { weekStart: W2, minor: 1, major: 1 },
      { weekStart: W3, minor: 1, major: 1 },
      { weekStart: W4, minor: 0, major: 0 },
    ]);
  });

  it('time to resolve per week of resolution, median and p90 (R-7)', () => {
    expect(x.timeToResolve.granularity).toBe('week');
    const [b1, b2, b3, b4] = x.timeToResolve.buckets;
    // W1 minor: A 2 h, F 336 h → median (2 + 336) / 2 = 169 h; p90 h = 0.9 → 2 + 0.9 × 334 = 302.6 h.
    expect(b1!.minor!.count).toBe(2);
    expect(b1!.minor!.median).toBe(169 * H);
    expect(b1!.minor!.p90).toBeCloseTo(302.6 * H, 0);
    expect(b1!.major).toBeNull();
    // W2 minor: D 4 h alone. Major: C 1 h, B 4 h → median 2.5 h; p90 1 + 0.9 × 3 = 3.7 h.
    expect(b2!.minor).toEqual({ count: 1, median: 4 * H, p90: 4 * H });
    expect(b2!.major!.median).toBe(2.5 * H);
    expect(b2!.major!.p90).toBeCloseTo(3.7 * H, 0);
    // W3, W4: nothing resolved (G resolves after the period).
    expect([b3, b4]).toEqual([
      { start: W3, minor: null, major: null },
      { start: W4, minor: null, major: null },
    ]);
    // Whole period, minor: [2, 4, 336] h → median 4 h; p90 h = 1.8 → 4 + 0.8 × 332 = 269.6 h.
    expect(x.timeToResolve.overall.minor!.median).toBe(4 * H);
    expect(x.timeToResolve.overall.minor!.p90).toBeCloseTo(269.6 * H, 0);
    expect(x.timeToResolve.overall.major!.count).toBe(2);
  });

  it('outcomes of what resolved in the period: A F C fixed, B deferred, D no action (G resolved later)', () => {
    expect(x.outcomes).toEqual({ fixed: 3, deferred: 1, no_action: 1 });
  });

  it('follow-ups opened and done per week, whenever their incident was declared', () => {
    // Opened: B's in W2, C's two in W2 (F's was opened in October). Done: F's in W1, B's in W3 (C's at `to` is out).
    expect(x.followUps).toEqual([
      { weekStart: W1, opened: 0, done: 1 },
      { weekStart: W2, opened: 3, done: 0 },
      { weekStart: W3, opened: 0, done: 1 },
      { weekStart: W4, opened: 0, done: 0 },
    ]);
  });

  it('Major: declared → first customer update over B 30 min and C 10 min; G had none', () => {
    // [10, 30] min → median 20 min; p90 10 + 0.9 × 20 = 28 min.
    expect(x.firstUpdate.majors).toBe(3);
    expect(x.firstUpdate.none).toBe(1);
    expect(x.firstUpdate.spread!.median).toBe(20 * MIN);
    expect(x.firstUpdate.spread!.p90).toBeCloseTo(28 * MIN, 0);
  });

  it('review coverage: A and C of the five resolved (A F B C D) → 2 / 5 = 40%', () => {
    expect(x.review).toEqual({ resolved: 5, reviewed: 2, share: 0.4 });
  });

  it('incidents by source: A J Sentry, B Grafana, C GitHub issue, E Vercel; D (none) and G (jira) other', () => {
    const counts = Object.fromEntries(x.sources.map((s) => [s.label, s.count]));
    expect(counts).toEqual({
      Sentry: 2,
      Grafana: 1,
      Datadog: 0,
      'GitHub issue': 1,
      'GitHub Actions': 0,
      Vercel: 1,
      'Supabase logs': 0,
      'Other or none': 2,
    });
  });
});

describe('computeInsights at the edges', () => {
  it('an empty period: every week present with zeros, every spread null, no share', () => {
    const x = computeInsights(ALL, { from: t('2027-01-04T00:00:00Z'), to: t('2027-01-18T00:00:00Z') }, 'device', null);
    expect(x.incidentCount).toBe(0);
    expect(x.perWeek).toEqual([
      { weekStart: t('2027-01-04T00:00:00Z'), minor: 0, major: 0 },
      { weekStart: t('2027-01-11T00:00:00Z'), minor: 0, major: 0 },
    ]);
    expect(x.timeToResolve.overall).toEqual({ minor: null, major: null });
    expect(x.outcomes).toEqual({ fixed: 0, deferred: 0, no_action: 0 });
    expect(x.firstUpdate).toEqual({ majors: 0, spread: null, none: 0 });
    expect(x.review).toEqual({ resolved: 0, reviewed: 0, share: null });
    expect(x.sources.every((s) => s.count === 0)).toBe(true);
  });

  it('one incident: its own duration is both median and p90', () => {
    const one = fact('2026-11-04T09:00:00Z', { severity: 'major', resolvedAt: '2026-11-04T09:45:00Z', outcome: 'fixed' });
    const x = computeInsights([one], PERIOD, 'device', null);
    expect(x.perWeek[0]).toEqual({ weekStart: W1, minor: 0, major: 1 });
    expect(x.timeToResolve.overall.major).toEqual({ count: 1, median: 45 * MIN, p90: 45 * MIN });
    expect(x.review).toEqual({ resolved: 1, reviewed: 0, share: 0 });
  });

  it('an incident resolved outside the period counts as declared only, and one declared before it as resolved only', () => {
    const x = computeInsights([G, F], PERIOD, 'device', null);
    expect(x.perWeek.map((w) => w.minor + w.major)).toEqual([0, 0, 1, 0]); // G in W3; F declared in October
    expect(x.outcomes).toEqual({ fixed: 1, deferred: 0, no_action: 0 }); // F only
  });

  it('per month when the period is longer than 13 weeks', () => {
    const x = computeInsights(ALL, { from: t('2026-09-01T00:00:00Z'), to: t('2026-12-01T00:00:00Z') + 7 * 86_400_000 }, 'device', null);
    expect(x.timeToResolve.granularity).toBe('month');
    // Sep, Oct, Nov, Dec. October: I (24 h, major). November: A 2, F 336, D 4 minor; B 4, C 1 major. December: G 22 Nov 23:00 → 1 Dec 00:00 = 8 × 24 + 1 = 193 h, major.
    expect(x.timeToResolve.buckets.map((b) => [b.minor?.count ?? 0, b.major?.count ?? 0])).toEqual([
      [0, 0],
      [0, 1],
      [3, 2],
      [0, 1],
    ]);
    expect(x.timeToResolve.buckets[3]!.major!.median).toBe(193 * H);
  });
});

describe('scope', () => {
  const shared = fact('2026-11-05T00:00:00Z', { teamId: TEAM });
  const other = fact('2026-11-05T00:00:00Z', { teamId: '0190a000-0000-7000-8000-00000000bbbb' });
  const local = fact('2026-11-06T00:00:00Z');

  it('Team counts only the connected team\'s incidents; This device only those never shared', () => {
    expect(computeInsights([shared, other, local], PERIOD, 'team', TEAM).incidentCount).toBe(1);
    expect(computeInsights([shared, other, local], PERIOD, 'device', TEAM).incidentCount).toBe(1);
    expect(computeInsights([shared, other, local], PERIOD, 'device', TEAM).perWeek[0]!.minor).toBe(1);
  });

  it('Team with no team connected counts nothing', () => {
    expect(computeInsights([shared, local], PERIOD, 'team', null).incidentCount).toBe(0);
  });
});
