import { describe, expect, it } from 'vitest';
import { fakeDeps, FakeTeamServer } from './fake-team-server';
import { INVALID_INVITE, joinTeam, TOO_MANY_INVITES, createTeam } from './join-team';
import { teamOf } from './team-record';
import { TeamServerError } from './team-server';

const ME = '00000000-0000-4000-8000-000000000001';
const SAM = '00000000-0000-4000-8000-000000000002';
const ACME = '10000000-0000-4000-8000-000000000001';

function withCode() {
  const server = new FakeTeamServer(ME);
  server.addTeam(ACME, 'Acme', { [SAM]: { name: 'Sam', role: 'owner' } });
  server.teams.get(ACME)!.invites.push({ code: 'ABCDEFGHJK', created_at: '', expires_at: '' });
  return server;
}

describe('joinTeam', () => {
  it('joins with a trimmed code and stores the team', async () => {
    const server = withCode();
    const deps = fakeDeps(server);
    expect(await joinTeam(deps, '  ABCDEFGHJK ', 'Me')).toMatchObject({ teamId: ACME, role: 'member' });
    expect(server.calls[0]).toBe('joinTeam ABCDEFGHJK');
    expect(teamOf(deps.team.value)?.teamId).toBe(ACME);
  });

  it('an unknown or expired code (null from join_team) says so and stores nothing', async () => {
    const deps = fakeDeps(withCode());
    await expect(joinTeam(deps, 'NOPENOPE22', 'Me')).rejects.toThrow(INVALID_INVITE);
    expect(deps.team.value).toBeNull();
  });

  it('too many bad codes (429) says to wait an hour', async () => {
    const server = withCode();
    server.fail = new TeamServerError('Too many invalid invite codes. Try again in an hour.', 'PT429', 429);
    await expect(joinTeam(fakeDeps(server), 'ABCDEFGHJK', 'Me')).rejects.toThrow(TOO_MANY_INVITES);
  });

  it('a name clash (23505) names the name and where to change it', async () => {
    const server = withCode();
    server.fail = new TeamServerError('Someone in this team already goes by "Sam"', '23505', 409);
    await expect(joinTeam(fakeDeps(server), 'ABCDEFGHJK', 'sam')).rejects.toThrow(
      'Someone in this team already goes by "Sam". Change your name in Options → Your profile, then join again.',
    );
  });

  it("an older server's P0001 for a bad code reads the same as null", async () => {
    const server = withCode();
    server.fail = new TeamServerError('This invite code is not valid or has expired', 'P0001', 400);
    await expect(joinTeam(fakeDeps(server), 'ABCDEFGHJK', 'Me')).rejects.toThrow(INVALID_INVITE);
  });

  it('creating a team makes me its owner, with a code to share', async () => {
    const deps = fakeDeps(new FakeTeamServer(ME));
    const team = await createTeam(deps, ' Acme ', 'Me');
    expect(team).toMatchObject({ name: 'Acme', role: 'owner', inviteCode: expect.any(String) });
  });
});
