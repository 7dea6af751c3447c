import { describe, expect, it } from 'vitest';
import { allDestinations, isManaged } from './all-destinations';

describe('allDestinations', () => {
  it('lists the organisation’s first, with ids that cannot collide with the person’s own', () => {
    const slack = { id: 'slack', kind: 'slack' as const, url: 'https://hooks.slack.com/services/a', topics: ['major' as const] };
    const list = allDestinations([slack], [slack]);
    expect(list.map((d) => d.id)).toEqual(['org:slack', 'slack']);
    expect(list.map(isManaged)).toEqual([true, false]);
  });
});
