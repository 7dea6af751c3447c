import type { Profile } from '../profile/profile';
import { refreshTeam } from './refresh-team';
import type { TeamDeps } from './team-deps';
import type { Team } from './team-record';
import type { Slot } from './team-server';

export interface SignInDeps extends TeamDeps {
  account: Slot<{ userId: string; email: string } | null>;
  profile: { load(): Promise<Profile | null>; save(profile: Profile): Promise<void> };
  /** Re-attributes local-only work from one user id to another (lib/sync/identity.ts). */
  adoptIdentity(fromId: string, toId: string): Promise<unknown>;
}

/**
 * After any sign-in: remember the account, make local work mine under it, and
 * find my team. When the profile belonged to someone else (a first sign-in, or
 * another account), the team on record is not this account's: it is dropped
 * before the refresh, which would otherwise read "not in my_teams()" as
 * "removed".
 */
export async function adoptSignedInUser(
  deps: SignInDeps,
  user: { id: string; email?: string | undefined } | null,
): Promise<{ userId: string; email: string; team: Team | null }> {
  if (!user) throw new Error('Signed in, but the server sent no user.');
  const email = user.email ?? '';
  await deps.account.setValue({ userId: user.id, email });
  const profile = await deps.profile.load();
  if (profile && profile.userId !== user.id) {
    await deps.adoptIdentity(profile.userId, user.id);
    await deps.profile.save({ ...profile, userId: user.id });
    await deps.team.setValue(null);
  }
  return { userId: user.id, email, team: await refreshTeam(deps) };
}
