import { useEffect, useState } from 'react';
import { loadTeamMembers, watchTeamMembers, type Member } from '../lib/supabase/team-members';

/** The connected team's members (empty while local-only), kept current. */
export function useTeamMembers(): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    void loadTeamMembers().then(setMembers);
    return watchTeamMembers(setMembers);
  }, []);
  return members;
}
