import { useState } from 'react';
import { REACTIONS } from '../lib/model/event';

/** Reactions on one timeline entry: counts, mine pressed, and a picker to add one. */
export function ReactionBar({
  reactions,
  me,
  onToggle,
}: {
  reactions: Map<string, Set<string>> | undefined;
  me: string;
  onToggle: (emoji: (typeof REACTIONS)[number], on: boolean) => void;
}) {
  const [picking, setPicking] = useState(false);
  const present = REACTIONS.filter((emoji) => (reactions?.get(emoji)?.size ?? 0) > 0);
  return (
    <div className="reactions row">
      {present.map((emoji) => {
        const people = reactions!.get(emoji)!;
        const mine = people.has(me);
        return (
          <button
            key={emoji}
            type="button"
            className="reaction"
            aria-pressed={mine}
            aria-label={`${emoji} ${people.size}${mine ? ', including you' : ''}`}
            onClick={() => onToggle(emoji, !mine)}
          >
            {emoji} {people.size}
          </button>
        );
      })}
      {picking ? (
        REACTIONS.filter((emoji) => !present.includes(emoji)).map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="reaction"
            aria-label={`React with ${emoji}`}
            onClick={() => {
              setPicking(false);
              onToggle(emoji, true);
            }}
          >
            {emoji}
          </button>
        ))
      ) : (
        <button type="button" className="reaction add" aria-label="Add a reaction" onClick={() => setPicking(true)}>
          +
        </button>
      )}
    </div>
  );
}
