import { describe, expect, it } from 'vitest';
import { fakeDeps, FakeTeamServer } from './fake-team-server';
import { refreshTeam } from './refresh-team';
import { checkStanding } from './standing';
import { departureOf } from './team-record';

const ME = '00000000-0000-4000-8000-000000000001';
const ACME = '10000000-0000-4000-8000-000000000001';

async function joined() {
  const server = new FakeTeamServer(ME);
  server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me' } });
  const deps = fakeDeps(server);
  await refreshTeam(deps);
  server.calls = [];
  return { server, deps };
}

describe('checkStanding after a sync round', () => {
  it('asks nothing after a healthy round', async () => {
    const { server, deps } = await joined();
    expect(await checkStanding(deps, { state: 'synced' })).toBe('member');
    expect(server.calls).toEqual([]);
  });

  it('after a refused pull, confirms with my_teams and notes the removal', async () => {
    const { server, deps } = await joined();
    server.teams.get(ACME)!.members.get(ME)!.former = true;
    expect(await checkStanding(deps, { state: 'error' })).toBe('departed');
    expect(departureOf(deps.team.value)).toMatchObject({ name: 'Acme', reason: 'removed' });
    expect(await checkStanding(deps, { state: 'error' })).toBe('no-team');
  });

  it('an error while still a member, or while offline, keeps the team', async () => {
    const { server, deps } = await joined();
    expect(await checkStanding(deps, { state: 'error' })).toBe('member');
    server.fail = new Error('fetch failed');
    expect(await checkStanding(deps, { state: 'error' })).toBe('unknown');
    expect(departureOf(deps.team.value)).toBeNull();
  });

  it('with no team there is nothing to check', async () => {
    expect(await checkStanding(fakeDeps(new FakeTeamServer(ME)), { state: 'error' })).toBe('no-team');
  });
});
