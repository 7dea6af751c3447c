import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/profile';
import { fakeDeps, FakeTeamServer, memorySlot } from './fake-team-server';
import { refreshTeam } from './refresh-team';
import { adoptSignedInUser, type SignInDeps } from './sign-in';
import { departureOf, teamOf } from './team-record';

const LOCAL = '00000000-0000-4000-8000-00000000000a';
const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000003';
const ACME = '10000000-0000-4000-8000-000000000001';
const BETA = '10000000-0000-4000-8000-000000000002';

function signInDeps(server: FakeTeamServer, profileId: string) {
  const adopted: [string, string][] = [];
  const profile = memorySlot<Profile | null>({ userId: profileId, displayName: 'Me' });
  const base = fakeDeps(server);
  const deps: SignInDeps = {
    ...base,
    account: memorySlot(null),
    profile: { load: () => profile.getValue(), save: (p) => profile.setValue(p) },
    adoptIdentity: async (from, to) => void adopted.push([from, to]),
  };
  return { deps, adopted, profile, record: base.team };
}

describe('adoptSignedInUser', () => {
  it('on a first sign-in makes local work mine under the account and finds my team', async () => {
    const server = new FakeTeamServer(ME);
    server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me', role: 'owner' } });
    const { deps, adopted, profile } = signInDeps(server, LOCAL);
    const result = await adoptSignedInUser(deps, { id: ME, email: 'me@example.test' });
    expect(adopted).toEqual([[LOCAL, ME]]);
    expect(profile.value?.userId).toBe(ME);
    expect(result).toMatchObject({ userId: ME, email: 'me@example.test', team: { teamId: ACME } });
    expect(await deps.account.getValue()).toEqual({ userId: ME, email: 'me@example.test' });
  });

  it("signing in as another account drops the first account's team instead of calling it a removal", async () => {
    const server = new FakeTeamServer(ME);
    server.addTeam(ACME, 'Acme', { [ME]: { name: 'Me' } });
    server.addTeam(BETA, 'Beta', { [OTHER]: { name: 'Other' } });
    const { deps, record } = signInDeps(server, ME);
    await refreshTeam(deps);
    server.me = OTHER;
    const result = await adoptSignedInUser(deps, { id: OTHER });
    expect(result.team?.teamId).toBe(BETA);
    expect(departureOf(record.value)).toBeNull();
    expect(teamOf(record.value)?.teamId).toBe(BETA);
  });

  it('refuses a sign-in without a user', async () => {
    const { deps } = signInDeps(new FakeTeamServer(ME), ME);
    await expect(adoptSignedInUser(deps, null)).rejects.toThrow('the server sent no user');
  });
});
