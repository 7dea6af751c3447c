import { SyncIndicator } from '../../../components/SyncIndicator';
import { getDb } from '../../../lib/db';
import type { Departure, Team } from '../../../lib/team/team-record';
import { DepartureNotice } from './DepartureNotice';
import { HeldBackRows } from './HeldBackRows';
import { InviteCodes } from './InviteCodes';
import { LeaveTeam } from './LeaveTeam';
import { MemberList } from './MemberList';
import { NoTeamForms } from './NoTeamForms';
import { RefusedEvents } from './RefusedEvents';

/** Step 3: create a team or join one; then its members, invite codes, sync state, held-back rows and refusals. */
export function TeamPanel({ team, departure, myUserId }: { team: Team | null; departure: Departure | null; myUserId: string | null }) {
  if (!team) {
    return (
      <div className="stack">
        {departure && <DepartureNotice departure={departure} />}
        <NoTeamForms />
        <RefusedEvents />
      </div>
    );
  }
  return (
    <div className="stack">
      <p>
        Team <strong>{team.name}</strong> · <SyncIndicator db={getDb()} teamId={team.teamId} />
      </p>
      <InviteCodes team={team} />
      <MemberList team={team} myUserId={myUserId} />
      <LeaveTeam team={team} myUserId={myUserId} />
      <HeldBackRows teamId={team.teamId} />
      <RefusedEvents />
    </div>
  );
}
