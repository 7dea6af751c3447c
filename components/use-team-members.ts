import { useEffect, useState } from 'react';
import { loadTeamMembers, watchTeamMembers, type Member } from '../lib/supabase/team-members';

/**
 * The connected team's members (empty while local-only or after leaving),
 * kept current. Former members are left out unless asked for: they may not
 * lead, but their names still label what they wrote.
 */
export function useTeamMembers({ includeFormer = false }: { includeFormer?: boolean } = {}): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    void loadTeamMembers().then(setMembers);
    return watchTeamMembers(setMembers);
  }, []);
  return includeFormer ? members : members.filter((m) => !m.former);
}
