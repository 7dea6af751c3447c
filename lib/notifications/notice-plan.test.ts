import { describe, expect, it } from 'vitest';
import { MAX_DESKTOP_NOTICES, planNotices } from './notice-plan';
import type { Notice } from './what-to-notify';

const major = (i: number): Notice => ({ incidentId: `i${i}`, reason: 'major-declared', title: `Major incident: ${i}`, message: 'Join in.' });
const lead = (i: number): Notice => ({ incidentId: `l${i}`, reason: 'made-lead', title: 'You are now leading an incident', message: `#${i}` });

describe('planNotices', () => {
  it('shows up to three as they are, with no summary', () => {
    expect(planNotices([])).toEqual({ show: [], summary: null });
    expect(planNotices([major(1), major(2), major(3)])).toEqual({ show: [major(1), major(2), major(3)], summary: null });
  });

  it('shows three of fifteen, then one summary for the other twelve', () => {
    const notices = Array.from({ length: 15 }, (_, i) => major(i));
    const plan = planNotices(notices);
    expect(MAX_DESKTOP_NOTICES).toBe(3);
    expect(plan.show).toEqual(notices.slice(0, 3));
    expect(plan.summary).toEqual({ more: 12, title: '12 more updates', message: "…and 12 more updates in your team's incidents." });
  });

  it('says "1 more update" for one left over, and groups thousands', () => {
    expect(planNotices([major(1), major(2), major(3), major(4)]).summary?.message).toBe("…and 1 more update in your team's incidents.");
    expect(planNotices(Array.from({ length: 1_503 }, (_, i) => major(i))).summary?.title).toBe('1,500 more updates');
  });

  it('puts being made lead before Major incidents, whatever the pull order', () => {
    const plan = planNotices([major(1), major(2), major(3), lead(1), major(4), lead(2)]);
    expect(plan.show).toEqual([lead(1), lead(2), major(1)]);
    expect(plan.summary?.more).toBe(3);
  });
});
