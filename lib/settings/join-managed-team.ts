import { joinTeam } from '../team/join-team';
import type { TeamDeps } from '../team/team-deps';
import type { Team } from '../team/team-record';
import type { Slot } from '../team/team-server';
import { updateStatus } from './apply-managed-connection';
import type { ManagedPolicy } from './managed-settings';
import { parseManagedStatus } from './managed-status';

export interface JoinManagedPorts {
  policy(): Promise<ManagedPolicy>;
  /** lib/team's ports for the connected project; null when none is connected. */
  teamDeps(): Promise<TeamDeps | null>;
  account: Slot<{ userId: string } | null>;
  displayName(): Promise<string>;
  status: Slot<unknown>;
}

export const joinFailedSentence = (reason: string) =>
  `Could not join your organisation's team with the invite code it set: ${reason} Ask your admin to update the policy's inviteCode; meanwhile you can join with a code from a teammate below.`;

/**
 * Joins the team whose invite code the organisation set, once someone is
 * signed in and this device has no team record. A departure on record (I left
 * or was removed) is respected: the code is not used to put me back. A code
 * that failed for this account is not tried again until the policy or the
 * account changes, so restarts never exhaust join_team's attempt limit.
 * Never throws: a failure is recorded for Options → Team.
 */
export async function joinManagedTeam(ports: JoinManagedPorts, { retry = false } = {}): Promise<Team | null> {
  const code = (await ports.policy()).settings?.inviteCode;
  const account = await ports.account.getValue();
  if (!code || !account) return null;
  const deps = await ports.teamDeps();
  if (!deps || (await deps.team.getValue()) !== null) return null;
  const failed = parseManagedStatus(await ports.status.getValue()).joinError;
  if (!retry && failed?.code === code && failed.userId === account.userId) return null;
  try {
    const team = await joinTeam(deps, code, await ports.displayName());
    await updateStatus(ports, { joinError: null });
    return team;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await updateStatus(ports, { joinError: { code, userId: account.userId, message: joinFailedSentence(reason) } });
    return null;
  }
}
