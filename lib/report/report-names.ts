import type { Profile } from '../profile/profile';
import type { Member } from '../supabase/team-members';

/**
 * Names the report can give authors beyond the log's own lead names: mine
 * (this device's profile) and the team's members, former ones included — they
 * are still named on what they wrote. Unknown ids answer undefined.
 */
export function knownNames(me: Profile | null, members: readonly Member[]): (userId: string) => string | undefined {
  const names = new Map(members.map((m) => [m.id, m.name]));
  if (me) names.set(me.userId, me.displayName);
  return (userId) => names.get(userId);
}
