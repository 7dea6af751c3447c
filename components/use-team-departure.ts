import { useEffect, useState } from 'react';
import { loadDeparture, teamItem } from '../lib/supabase/team';
import { departureOf, type Departure } from '../lib/team/team-record';

/** Whether I left or was removed from the team this device synced with (null otherwise), kept current. */
export function useTeamDeparture(): Departure | null {
  const [departure, setDeparture] = useState<Departure | null>(null);
  useEffect(() => {
    void loadDeparture().then(setDeparture);
    return teamItem.watch((value) => setDeparture(departureOf(value)));
  }, []);
  return departure;
}
