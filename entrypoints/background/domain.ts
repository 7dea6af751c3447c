import { getDb } from '../../lib/db';
import type { DomainContext } from '../../lib/incidents/context';
import { loadProfile } from '../../lib/profile/profile';
import { loadTeamId } from '../../lib/supabase/team-id';

/** The domain context for work the background does on the person's behalf. */
export async function backgroundDomain(): Promise<DomainContext> {
  const profile = await loadProfile();
  if (!profile) throw new Error('Set your name first: open the extension’s popup once.');
  return {
    db: getDb(),
    actor: { userId: profile.userId, displayName: profile.displayName },
    now: () => Date.now(),
    teamId: await loadTeamId(),
  };
}
