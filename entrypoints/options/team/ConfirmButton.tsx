import { useEffect, useRef, useState } from 'react';
import { useAction } from '../../../components/use-action';

/**
 * A destructive action asked twice: the button becomes a question with two
 * named buttons, and focus goes to "Cancel" so a second Enter does nothing
 * harmful. Its error, if the server refuses, shows beside it.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}) {
  const [asking, setAsking] = useState(false);
  const action = useAction(onConfirm);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function confirm() {
    if ((await action.run()) !== undefined) setAsking(false);
  }

  return (
    <span className="stack">
      {asking ? (
        <span className="row" role="group" aria-label={question}>
          <span>{question}</span>
          <button type="button" className="danger" disabled={action.busy} onClick={() => void confirm()}>
            {confirmLabel}
          </button>
          <button type="button" ref={cancel} disabled={action.busy} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" ref={start} className="link" onClick={() => setAsking(true)}>
          {label}
        </button>
      )}
      {action.error && (
        <span className="error" role="alert">
          {action.error.message}
        </span>
      )}
    </span>
  );
}
