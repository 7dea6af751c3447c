import { useId, useState, type FormEvent } from 'react';
import type { Outcome } from '../lib/model/incident-fields';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  fixed: 'Fixed',
  deferred: 'Deferred (follow up later)',
  no_action: 'No action needed',
};

/** Resolving is triage: say whether it was fixed now, deferred, or needed nothing. */
export function ResolveForm({
  onResolve,
  busy,
  error,
}: {
  onResolve: (outcome: Outcome) => void;
  busy?: boolean;
  error?: string | null;
}) {
  const [outcome, setOutcome] = useState<Outcome>('fixed');
  const name = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    onResolve(outcome);
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
