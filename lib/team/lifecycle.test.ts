import { describe, expect, it } from 'vitest';
import { fakeDeps, FakeTeamServer } from './fake-team-server';
import { createInvite, isSoleOwner, leaveTeam, removeMember, revokeInvite, transferOwnership } from './lifecycle';
import { refreshTeam } from './refresh-team';
import { departureOf, describeDeparture, sortMembers, teamOf } from './team-record';

const ME = '00000000-0000-4000-8000-000000000001';
const SAM = '00000000-0000-4000-8000-000000000002';
const ACME = '10000000-0000-4000-8000-000000000001';

async function setUp(myRole: 'owner' | 'member') {
  const server = new FakeTeamServer(ME);
  server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me', role: myRole }, [SAM]: { name: 'Sam', role: myRole === 'owner' ? 'member' : 'owner' } });
  const deps = fakeDeps(server);
  await refreshTeam(deps);
  server.calls = [];
  return { server, deps };
}

describe('team lifecycle', () => {
  it('an owner removes a member, who then shows as former', async () => {
    const { deps } = await setUp('owner');
    const team = await removeMember(deps, SAM);
    expect(team?.members.find((m) => m.userId === SAM)).toMatchObject({ former: true });
  });

  it('an owner rotates and revokes codes; the list follows', async () => {
    const { deps } = await setUp('owner');
    const before = teamOf(deps.team.value)!.invites.length;
    const after = await createInvite(deps);
    expect(after!.invites).toHaveLength(before + 1);
    const code = after!.invites[0]!.code;
    expect((await revokeInvite(deps, code))!.invites.map((i) => i.code)).not.toContain(code);
  });

  it('a member is refused owner actions without a request', async () => {
    const { server, deps } = await setUp('member');
    await expect(removeMember(deps, SAM)).rejects.toThrow('Only an owner of Acme can do that.');
    await expect(createInvite(deps)).rejects.toThrow('Only an owner');
    expect(server.calls).toEqual([]);
  });

  it('transfer then leave: the new owner stays, I am noted as having left', async () => {
    const { server, deps } = await setUp('owner');
    expect(isSoleOwner(teamOf(deps.team.value)!, ME)).toBe(true);
    await expect(leaveTeam(deps, ME)).rejects.toThrow('Transfer ownership to another member before you leave.');
    expect(server.calls).toEqual([]);
    const team = await transferOwnership(deps, SAM);
    expect(team).toMatchObject({ role: 'member' });
    expect(isSoleOwner(team!, ME)).toBe(false);
    await leaveTeam(deps, ME);
    const departure = departureOf(deps.team.value)!;
    expect(departure).toMatchObject({ teamId: ACME, reason: 'left' });
    expect(describeDeparture(departure)).toBe('You left Acme.');
    expect(server.teams.get(ACME)!.members.get(SAM)!.role).toBe('owner');
  });

  it('a removal reads plainly', () => {
    expect(describeDeparture({ name: 'Acme', reason: 'removed' })).toBe('You were removed from Acme.');
  });

  it('lists owners first and former members last', () => {
    const m = (displayName: string, role: 'owner' | 'member', former = false) => ({ displayName, role, former });
    expect(sortMembers([m('Zed', 'member', true), m('Bea', 'member'), m('Yan', 'owner'), m('Al', 'member')]).map((x) => x.displayName)).toEqual([
      'Yan',
      'Al',
      'Bea',
      'Zed',
    ]);
  });
});
