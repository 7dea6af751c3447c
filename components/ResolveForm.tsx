import { useId, useState, type FormEvent } from 'react';
import type { Outcome } from '../lib/model/incident-fields';
import { OUTCOME_LABEL } from '../lib/model/labels';

/** Resolving is triage: say whether it was fixed now, deferred, or needed nothing. */
export function ResolveForm({
  onResolve,
  busy,
  error,
  hasOpenFollowUps = false,
}: {
  /** `followUp`: what deferring leaves to do, added with the resolution. */
  onResolve: (outcome: Outcome, followUp?: string) => void;
  busy?: boolean;
  error?: string | null;
  hasOpenFollowUps?: boolean;
}) {
  const [outcome, setOutcome] = useState<Outcome>('fixed');
  const [followUp, setFollowUp] = useState('');
  const name = useId();
  const followUpId = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    onResolve(outcome, outcome === 'deferred' && followUp.trim() ? followUp : undefined);
  }
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>Outcome</legend>
        {(Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => (
          <label key={o} className="choice">
            <input type="radio" name={name} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {OUTCOME_LABEL[o]}
          </label>
        ))}
      </fieldset>
      {outcome === 'deferred' && (
        <div className="field">
          <label htmlFor={followUpId}>
            Follow-up {hasOpenFollowUps && <span className="hint">(optional: open follow-ups already cover it)</span>}
          </label>
          <input
            id={followUpId}
            type="text"
            placeholder="What will be done later?"
            value={followUp}
            onChange={(e) => setFollowUp(e.target.value)}
          />
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Resolve incident
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
