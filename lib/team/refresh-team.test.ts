import { describe, expect, it } from 'vitest';
import { fakeDeps, FakeTeamServer } from './fake-team-server';
import { refreshTeam } from './refresh-team';
import { departureOf, teamOf } from './team-record';

const ME = '00000000-0000-4000-8000-000000000001';
const SAM = '00000000-0000-4000-8000-000000000002';
const ACME = '10000000-0000-4000-8000-000000000001';
const BETA = '10000000-0000-4000-8000-000000000002';

describe('refreshTeam', () => {
  it('on a first sign-in chooses my first team and stores it with members and codes', async () => {
    const server = new FakeTeamServer(ME);
    server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me', role: 'owner' }, [SAM]: { name: 'Sam', former: true } });
    const deps = fakeDeps(server);
    const team = await refreshTeam(deps);
    expect(team).toMatchObject({ teamId: ACME, name: 'Acme', role: 'owner', inviteCode: expect.any(String) });
    expect(team!.invites).toHaveLength(1);
    expect(team!.members).toContainEqual({ userId: SAM, displayName: 'Sam', role: 'member', former: true });
    expect(teamOf(deps.team.value)).toEqual(team);
  });

  it('keeps the team already chosen while I am still in it', async () => {
    const server = new FakeTeamServer(ME);
    server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me' } });
    server.addTeam(BETA, 'Beta', { [ME]: { name: 'Me' } });
    const deps = fakeDeps(server);
    await refreshTeam(deps, BETA);
    expect((await refreshTeam(deps))?.teamId).toBe(BETA);
  });

  it('a member is not handed a minted code and sees no invite list', async () => {
    const server = new FakeTeamServer(ME);
    server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me' } });
    const team = await refreshTeam(fakeDeps(server));
    expect(team).toMatchObject({ inviteCode: null, invites: [] });
    expect(server.calls).not.toContain('listInvites');
  });

  it('notes a removal when my team is gone from my_teams, and keeps the note', async () => {
    const server = new FakeTeamServer(ME);
    server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me' }, [SAM]: { name: 'Sam', role: 'owner' } });
    server.addTeam(BETA, 'Beta', { [ME]: { name: 'Me' } });
    const deps = fakeDeps(server);
    await refreshTeam(deps, ACME);
    server.teams.get(ACME)!.members.get(ME)!.former = true;
    expect(await refreshTeam(deps)).toBeNull();
    expect(departureOf(deps.team.value)).toEqual({ teamId: ACME, name: 'Acme', reason: 'removed', at: '2026-11-30T12:00:00.000Z' });
    // Another refresh does not quietly switch to Beta: the person reads the note first.
    expect(await refreshTeam(deps)).toBeNull();
    expect(departureOf(deps.team.value)?.name).toBe('Acme');
  });

  it('reads a record stored before lifecycle existed (no invites, no former)', async () => {
    const old = { teamId: ACME, name: 'Acme', role: 'member', inviteCode: 'ABCDEFGHJK', members: [{ userId: ME, displayName: 'Me', role: 'member' }] };
    expect(teamOf(old)).toMatchObject({ invites: [], members: [{ former: false }] });
  });

  it('a server failure changes nothing on this device', async () => {
    const server = new FakeTeamServer(ME);
    server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me' } });
    const deps = fakeDeps(server);
    const team = await refreshTeam(deps);
    server.fail = new Error('fetch failed');
    await expect(refreshTeam(deps)).rejects.toThrow('fetch failed');
    expect(teamOf(deps.team.value)).toEqual(team);
  });
});
