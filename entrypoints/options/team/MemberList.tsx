import { sortMembers, type Team } from '../../../lib/team/team-record';
import { ask } from './ask';
import { ConfirmButton } from './ConfirmButton';

/** Owners first, then members, then former members (still named on what they wrote). An owner can remove or promote. */
export function MemberList({ team, myUserId }: { team: Team; myUserId: string | null }) {
  const members = sortMembers(team.members);
  const current = members.filter((m) => !m.former).length;
  return (
    <>
      <h3>Members ({current})</h3>
      <ul aria-label="Team members" className="stack">
        {members.map((m) => (
          <li key={m.userId} className="row">
            <span>
              {m.displayName}
              {m.former ? ' (former member)' : m.role === 'owner' ? ' (owner)' : ''}
              {m.userId === myUserId ? ' · you' : ''}
            </span>
            {team.role === 'owner' && !m.former && m.userId !== myUserId && (
              <>
                {m.role !== 'owner' && (
                  <ConfirmButton
                    label={`Make ${m.displayName} the owner`}
                    question={`Make ${m.displayName} the owner of ${team.name}? You become a member.`}
                    confirmLabel={`Transfer ownership to ${m.displayName}`}
                    onConfirm={() => ask({ type: 'transferOwnership', userId: m.userId })}
                  />
                )}
                <ConfirmButton
                  label={`Remove ${m.displayName}`}
                  question={`Remove ${m.displayName} from ${team.name}? What they wrote stays on the record.`}
                  confirmLabel={`Remove ${m.displayName} from the team`}
                  onConfirm={() => ask({ type: 'removeMember', userId: m.userId })}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
