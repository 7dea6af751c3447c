import { compareEvents } from '../model/order';
import type { IncidentEvent } from '../model/event';

export type Reactions = Map<string, Map<string, Set<string>>>; // entry → emoji → people

/** Who reacted with what to each entry: reaction events folded by clock, the last per person and emoji winning. */
export function foldReactions(events: readonly IncidentEvent[]): Reactions {
  const out: Reactions = new Map();
  for (const e of [...events].sort(compareEvents)) {
    if (e.kind !== 'reaction') continue;
    const byEmoji = out.get(e.body.eventId) ?? new Map<string, Set<string>>();
    const people = byEmoji.get(e.body.emoji) ?? new Set<string>();
    if (e.body.on) people.add(e.authorId);
    else people.delete(e.authorId);
    byEmoji.set(e.body.emoji, people);
    out.set(e.body.eventId, byEmoji);
  }
  return out;
}
