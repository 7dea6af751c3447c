import { describe, expect, it } from 'vitest';
import { parseTeamId } from './team-id';

const TEAM = '10000000-0000-4000-8000-000000000001';

describe('parseTeamId', () => {
  it('reads the id from the one team record', () => {
    expect(parseTeamId({ teamId: TEAM, name: 'Acme', members: [] })).toBe(TEAM);
  });

  it('a departure, nothing or junk is no team', () => {
    expect(parseTeamId({ departed: { teamId: TEAM, name: 'Acme', reason: 'removed', at: '' } })).toBeNull();
    expect(parseTeamId(null)).toBeNull();
    expect(parseTeamId(TEAM)).toBeNull();
    expect(parseTeamId({ teamId: 'nope' })).toBeNull();
  });
});
