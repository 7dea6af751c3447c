import { useMemo } from 'react';
import { getDb } from '../lib/db';
import type { DomainContext } from '../lib/incidents/context';
import type { Profile } from '../lib/profile/profile';

/** The context every domain operation runs with, for the person using this page and their team. */
export function useDomain(profile: Profile, teamId: string | null): DomainContext {
  return useMemo(
    () => ({
      db: getDb(),
      actor: { userId: profile.userId, displayName: profile.displayName },
      now: () => Date.now(),
      teamId,
    }),
    [profile.userId, profile.displayName, teamId],
  );
}
