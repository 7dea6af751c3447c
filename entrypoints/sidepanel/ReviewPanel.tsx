import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../components/use-action';
import type { DomainContext } from '../../lib/incidents/context';
import { addFeedback, markReviewed } from '../../lib/incidents/operations';
import { involved } from '../../lib/incidents/views';
import type { Incident } from '../../lib/model/incident';

/**
 * Review incidents you were not part of and leave feedback: the practice's
 * answer to post-mortems for a small team.
 */
export function ReviewPanel({ ctx, incident }: { ctx: DomainContext; incident: Incident }) {
  const me = ctx.actor.userId;
  const [text, setText] = useState('');
  const review = useAction(() => markReviewed(ctx, incident.id));
  const feedback = useAction((t: string) => addFeedback(ctx, incident.id, t));
  const id = useId();
  const reviewed = incident.reviewerIds.includes(me);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await feedback.run(text)) setText('');
  }
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Review</h3>
      {involved(incident, me) ? (
        <p className="muted">You worked this incident; teammates who did not can review it and leave feedback.</p>
      ) : reviewed ? (
        <p role="status">You reviewed this incident.</p>
      ) : (
        <div className="row">
          <span>You were not involved in this incident.</span>
          <button type="button" onClick={() => void review.run()} disabled={review.busy}>
            Mark as reviewed
          </button>
        </div>
      )}
      {incident.reviewerIds.length > 0 && (
        <p className="muted">
          Reviewed by {incident.reviewerIds.length} teammate{incident.reviewerIds.length === 1 ? '' : 's'}.
        </p>
      )}
      <form onSubmit={submit} aria-label="Leave feedback">
        <div className="field">
          <label htmlFor={id}>Feedback</label>
          <textarea
            id={id}
            rows={2}
            placeholder="What went well, what you learnt, what to try next time"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" disabled={feedback.busy}>
          Send feedback
        </button>
      </form>
      {(review.error ?? feedback.error) && (
        <p className="error" role="alert">
          {(review.error ?? feedback.error)!.message}
        </p>
      )}
    </section>
  );
}
