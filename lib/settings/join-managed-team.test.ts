import { describe, expect, it } from 'vitest';
import { fakeDeps, FakeTeamServer, memorySlot } from '../team/fake-team-server';
import { INVALID_INVITE } from '../team/join-team';
import { teamOf } from '../team/team-record';
import { joinFailedSentence, joinManagedTeam, type JoinManagedPorts } from './join-managed-team';
import { judgeManagedPolicy, NO_POLICY, type ManagedPolicy } from './managed-settings';
import { parseManagedStatus } from './managed-status';

const ME = '00000000-0000-4000-8000-000000000001';
const SAM = '00000000-0000-4000-8000-000000000002';
const ACME = '10000000-0000-4000-8000-000000000001';
const CODE = 'ABCDEFGHJK';

function setUp(policy: ManagedPolicy = judgeManagedPolicy({ inviteCode: 'abcd-efgh-jk' }), record: unknown = null) {
  const server = new FakeTeamServer(ME);
  server.addTeam(ACME, 'Acme', { [SAM]: { name: 'Sam', role: 'owner' } });
  server.teams.get(ACME)!.invites.push({ code: CODE, created_at: '', expires_at: '' });
  const deps = fakeDeps(server, record);
  const ports = {
    policy: async () => policy,
    teamDeps: async () => deps,
    account: memorySlot<{ userId: string } | null>({ userId: ME }),
    displayName: async () => 'Me',
    status: memorySlot<unknown>(null),
  } satisfies JoinManagedPorts;
  return { server, deps, ports };
}

describe('joinManagedTeam', () => {
  it('joins the organisation’s team once someone is signed in', async () => {
    const { server, deps, ports } = setUp();
    expect(await joinManagedTeam(ports)).toMatchObject({ teamId: ACME, role: 'member' });
    expect(server.calls).toContain(`joinTeam ${CODE}`);
    expect(teamOf(deps.team.value)?.teamId).toBe(ACME);
    expect(parseManagedStatus(ports.status.value).joinError).toBeNull();
  });

  it('does nothing without a code, without an account, without a project, or with a team or a departure on record', async () => {
    const cases: [string, (s: ReturnType<typeof setUp>) => void][] = [
      ['no code', () => undefined],
      ['signed out', (s) => void (s.ports.account.value = null)],
      ['no project', (s) => void ((s.ports as JoinManagedPorts).teamDeps = async () => null)],
    ];
    for (const [name, change] of cases) {
      const s = name === 'no code' ? setUp(NO_POLICY) : setUp();
      change(s);
      expect(await joinManagedTeam(s.ports), name).toBeNull();
      expect(s.server.calls, name).not.toContain(`joinTeam ${CODE}`);
    }
    const departed = setUp(undefined, { departed: { teamId: ACME, name: 'Acme', reason: 'left', at: '2026-11-30T00:00:00Z' } });
    expect(await joinManagedTeam(departed.ports)).toBeNull();
    expect(departed.server.calls).toEqual([]);
  });

  it('records a refused code with what to do, and does not spend attempts on it again', async () => {
    const { server, ports, deps } = setUp(judgeManagedPolicy({ inviteCode: 'WRNGWRNG22' }));
    expect(await joinManagedTeam(ports)).toBeNull();
    const status = parseManagedStatus(ports.status.value);
    expect(status.joinError).toEqual({ code: 'WRNGWRNG22', userId: ME, message: joinFailedSentence(INVALID_INVITE) });
    expect(status.joinError?.message).toMatch(/^Could not join your organisation's team .* Ask your admin/);
    expect(deps.team.value).toBeNull();
    const before = server.calls.length;
    await joinManagedTeam(ports);
    expect(server.calls.length).toBe(before);
    await joinManagedTeam(ports, { retry: true });
    expect(server.calls.length).toBeGreaterThan(before);
  });

  it('tries a corrected code at once, and clears the error when it works', async () => {
    const s = setUp(judgeManagedPolicy({ inviteCode: 'WRNGWRNG22' }));
    await joinManagedTeam(s.ports);
    s.ports.policy = async () => judgeManagedPolicy({ inviteCode: CODE });
    expect(await joinManagedTeam(s.ports)).toMatchObject({ teamId: ACME });
    expect(parseManagedStatus(s.ports.status.value).joinError).toBeNull();
  });
});
