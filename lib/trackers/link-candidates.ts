import type { FollowUp, Incident } from '../model/incident';

export interface LinkCandidate {
  incident: Pick<Incident, 'id' | 'title'>;
  followUp: Pick<FollowUp, 'id' | 'text' | 'addedAt'>;
}

/**
 * The follow-ups "Link this page to a follow-up" offers: open, not linked yet,
 * newest first (the issue just created is most likely for the follow-up just
 * logged), at most `limit`.
 */
export function linkCandidates(rows: readonly { incident: Incident; followUp: FollowUp }[], limit = 10): LinkCandidate[] {
  return rows
    .filter(({ followUp }) => !followUp.done && !followUp.link)
    .sort((a, b) => (a.followUp.addedAt < b.followUp.addedAt ? 1 : a.followUp.addedAt > b.followUp.addedAt ? -1 : 0))
    .slice(0, limit);
}
