import { randomUUID } from 'node:crypto';

/**
 * A `declared` row as push_events takes it (its id is the incident id), stamped
 * now on clock node `node`: what the stand-in's own tests push.
 */
export function declaredRow(teamId: string, authorId: string, node: string) {
  const id = randomUUID();
  return {
    id,
    team_id: teamId,
    incident_id: id,
    author_id: authorId,
    kind: 'declared',
    body: { title: 'Checkout errors', severity: 'minor', leadId: authorId },
    hlc: `${String(Date.now()).padStart(15, '0')}-00000-${node}`,
    created_at: new Date().toISOString(),
  };
}
