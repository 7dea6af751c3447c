import { SyncIndicator } from '../../../components/SyncIndicator';
import type { IncidentDatabase } from '../../../lib/db/database';
import type { Departure, Team } from '../../../lib/team/team-record';
import { DepartureNotice } from './DepartureNotice';
import { HeldBackRows } from './HeldBackRows';
import { InviteCodes } from './InviteCodes';
import { LeaveTeam } from './LeaveTeam';
import { MemberList } from './MemberList';
import { NoTeamForms } from './NoTeamForms';
import { RefusedEvents } from './RefusedEvents';

/** Step 3: create a team or join one; then its members, invite codes, sync state, held-back rows and refusals. */
export function TeamPanel({
  db,
  team,
  departure,
  myUserId,
}: {
  db: IncidentDatabase;
  team: Team | null;
  departure: Departure | null;
  myUserId: string | null;
}) {
  if (!team) {
    return (
      <div className="stack">
        {departure && <DepartureNotice departure={departure} />}
        <NoTeamForms />
        <RefusedEvents db={db} />
      </div>
    );
  }
  return (
    <div className="stack">
      <p>
        Team <strong>{team.name}</strong> · <SyncIndicator db={db} teamId={team.teamId} />
      </p>
      <InviteCodes team={team} />
      <MemberList team={team} myUserId={myUserId} />
      <LeaveTeam team={team} myUserId={myUserId} />
      <HeldBackRows db={db} teamId={team.teamId} />
      <RefusedEvents db={db} />
    </div>
  );
}
