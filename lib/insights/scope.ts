import type { IncidentFacts } from './facts';

/**
 * Team: the incidents shared with the connected team. This device: those never
 * shared with a team (teamId null). With no team connected only This device exists.
 */
export type Scope = 'team' | 'device';

export const scopesFor = (teamId: string | null): Scope[] => (teamId ? ['team', 'device'] : ['device']);

export const SCOPE_LABELS: Record<Scope, string> = { team: 'Team', device: 'This device' };

export function inScope(facts: IncidentFacts, scope: Scope, teamId: string | null): boolean {
  return scope === 'team' ? teamId !== null && facts.teamId === teamId : facts.teamId === null;
}
