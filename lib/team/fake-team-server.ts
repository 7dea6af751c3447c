import { TeamServerError, type InviteRow, type MemberRow, type Slot, type TeamRow, type TeamServer } from './team-server';
import type { TeamDeps } from './team-deps';

/**
 * An in-memory TeamServer for lib/team's unit tests, following the contract
 * in supabase/migrations/20261130000000_team_authority.sql closely enough to
 * drive the client logic: current vs former members, owner-only operations,
 * join_team's null for a bad code. `calls` records what was asked.
 */
export class FakeTeamServer implements TeamServer {
  teams = new Map<string, { name: string; members: Map<string, Omit<MemberRow, 'user_id'>>; invites: InviteRow[] }>();
  calls: string[] = [];
  fail: Error | null = null;
  constructor(public me: string) {}

  addTeam(id: string, name: string, members: Record<string, { name: string; role?: 'owner' | 'member'; former?: boolean }>) {
    const map = new Map(Object.entries(members).map(([uid, m]) => [uid, { display_name: m.name, role: m.role ?? 'member', former: m.former ?? false }] as const));
    this.teams.set(id, { name, members: map, invites: [] });
  }

  private hit(name: string) {
    this.calls.push(name);
    if (this.fail) throw this.fail;
  }
  private mine(teamId: string) {
    const team = this.teams.get(teamId);
    const me = team?.members.get(this.me);
    if (!team || !me || me.former) throw new TeamServerError('Only members of a team can do that', '42501', 403);
    return { team, me };
  }
  private owned(teamId: string) {
    const found = this.mine(teamId);
    if (found.me.role !== 'owner') throw new TeamServerError('Only owners can do that', '42501', 403);
    return found.team;
  }

  async myTeams(): Promise<TeamRow[]> {
    this.hit('myTeams');
    return [...this.teams].flatMap(([id, t]) => {
      const me = t.members.get(this.me);
      return me && !me.former ? [{ team_id: id, name: t.name, role: me.role }] : [];
    });
  }
  async listMembers(teamId: string): Promise<MemberRow[]> {
    this.hit('listMembers');
    return [...this.mine(teamId).team.members].map(([user_id, m]) => ({ user_id, ...m }));
  }
  async inviteCode(teamId: string) {
    this.hit('inviteCode');
    const { team, me } = this.mine(teamId);
    if (team.invites[0]) return team.invites[0].code;
    return me.role === 'owner' ? this.createInvite(teamId) : null;
  }
  async listInvites(teamId: string) {
    this.hit('listInvites');
    return this.owned(teamId).invites;
  }
  async createTeam(name: string, displayName: string) {
    this.hit('createTeam');
    const id = crypto.randomUUID();
    this.addTeam(id, name, { [this.me]: { name: displayName, role: 'owner' } });
    return id;
  }
  async joinTeam(code: string, displayName: string) {
    this.hit(`joinTeam ${code}`);
    const found = [...this.teams].find(([, t]) => t.invites.some((i) => i.code === code));
    if (!found) return null;
    found[1].members.set(this.me, { display_name: displayName, role: 'member', former: false });
    return found[0];
  }
  async createInvite(teamId: string) {
    this.hit('createInvite');
    const team = this.owned(teamId);
    const code = `CODE${team.invites.length + 1}`.padEnd(10, 'X');
    team.invites.unshift({ code, created_at: '2026-11-30T10:00:00Z', expires_at: '2026-12-07T10:00:00Z' });
    return code;
  }
  async revokeInvite(code: string) {
    this.hit(`revokeInvite ${code}`);
    for (const [id, t] of this.teams) if (t.invites.some((i) => i.code === code)) t.invites = this.owned(id).invites.filter((i) => i.code !== code);
  }
  async removeMember(teamId: string, userId: string) {
    this.hit(`removeMember ${userId}`);
    const member = this.owned(teamId).members.get(userId);
    if (member) member.former = true;
  }
  async leaveTeam(teamId: string) {
    this.hit('leaveTeam');
    this.mine(teamId).me.former = true;
  }
  async transferOwnership(teamId: string, userId: string) {
    this.hit(`transferOwnership ${userId}`);
    const team = this.owned(teamId);
    team.members.get(userId)!.role = 'owner';
    team.members.get(this.me)!.role = 'member';
  }
}

export function memorySlot<T>(value: T): Slot<T> & { value: T } {
  return {
    value,
    async getValue() {
      return this.value;
    },
    async setValue(next: T) {
      this.value = next;
    },
  };
}

export function fakeDeps(server: FakeTeamServer, record: unknown = null): TeamDeps & { team: ReturnType<typeof memorySlot<unknown>> } {
  return { server, team: memorySlot<unknown>(record), now: () => Date.parse('2026-11-30T12:00:00Z') };
}
