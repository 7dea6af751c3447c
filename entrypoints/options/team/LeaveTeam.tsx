import { useState } from 'react';
import { isSoleOwner, SOLE_OWNER } from '../../../lib/team/lifecycle';
import type { Team } from '../../../lib/team/team-record';
import { ask } from './ask';
import { ConfirmButton } from './ConfirmButton';

/** Anyone may leave; a sole owner is told to hand the team on first (the server says the same). */
export function LeaveTeam({ team, myUserId }: { team: Team; myUserId: string | null }) {
  const [told, setTold] = useState(false);
  if (isSoleOwner(team, myUserId)) {
    return (
      <p className="stack">
        <button type="button" className="link" onClick={() => setTold(true)}>
          Leave {team.name}
        </button>
        {told && (
          <span className="error" role="alert">
            You are the only owner of {team.name}. {SOLE_OWNER}: make another member the owner above.
          </span>
        )}
      </p>
    );
  }
  return (
    <p>
      <ConfirmButton
        label={`Leave ${team.name}`}
        question={`Leave ${team.name}? Its incidents stay readable on this device but stop syncing.`}
        confirmLabel={`Leave ${team.name} now`}
        onConfirm={() => ask({ type: 'leaveTeam' })}
      />
    </p>
  );
}
