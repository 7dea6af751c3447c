import { describe, expect, it } from 'vitest';
import { computeInsights } from './compute-insights';
import { describeFirstUpdate, describeFollowUps, describeOutcomes, describePerWeek, describeReview, describeSources, describeTimeToResolve } from './describe';
import { after, fact, H, MIN, t } from './test-facts';

const PERIOD = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-16T00:00:00Z') }; // two weeks: 2 and 9 Nov

describe('chart descriptions', () => {
  it('say the numbers in one sentence', () => {
    const facts = [
      fact('2026-11-02T10:00:00Z', { resolvedAt: after('2026-11-02T10:00:00Z', H), outcome: 'fixed', reviewedByOutsider: true, source: 'sentry' }),
      fact('2026-11-10T10:00:00Z', {
        severity: 'major',
        resolvedAt: after('2026-11-10T10:00:00Z', 3 * H),
        outcome: 'deferred',
        firstCustomerUpdateAt: after('2026-11-10T10:00:00Z', 15 * MIN),
        followUpsAddedAt: ['2026-11-10T13:00:00Z'],
        source: 'sentry',
      }),
      fact('2026-11-11T10:00:00Z'),
    ];
    const x = computeInsights(facts, PERIOD, 'device', null);
    expect(describePerWeek(x)).toBe('3 incidents declared over 2 weeks (2 minor, 1 major); the busiest was the week of 9 Nov with 2.');
    expect(describeTimeToResolve(x)).toBe(
      'To resolve, major incidents took a median of 3 h (p90 3 h) over 1; minor incidents took a median of 1 h (p90 1 h) over 1, shown per week.',
    );
    expect(describeOutcomes(x)).toBe('Of 2 incidents resolved: 1 fixed, 1 deferred, 0 with no action.');
    expect(describeFollowUps(x)).toBe('1 follow-up opened and 0 done over 2 weeks.');
    expect(describeFirstUpdate(x)).toBe('Of 1 major incident, 1 had a first customer update after a median of 15 min (p90 15 min); 0 had none.');
    expect(describeReview(x)).toBe('1 of 2 resolved incidents (50%) reviewed by someone not involved.');
    expect(describeSources(x)).toBe('Of 3 incidents declared, the most came from Sentry (2).');
  });

  it('say when there is nothing', () => {
    const x = computeInsights([], PERIOD, 'device', null);
    expect(describePerWeek(x)).toBe('No incidents declared in these 2 weeks.');
    expect(describeTimeToResolve(x)).toBe('No incidents resolved in this period.');
    expect(describeOutcomes(x)).toBe('No incidents resolved in this period.');
    expect(describeFollowUps(x)).toBe('No follow-ups opened or done in these 2 weeks.');
    expect(describeFirstUpdate(x)).toBe('No major incidents declared in this period.');
    expect(describeReview(x)).toBe('No incidents resolved in this period, so none to review.');
    expect(describeSources(x)).toBe('No incidents declared in this period.');
  });
});
