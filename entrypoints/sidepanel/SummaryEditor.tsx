import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAction } from '../../components/use-action';
import { SUMMARY_MAX } from '../../lib/model/limits';

/**
 * The incident's summary, and its editor: Edit opens a textarea with a live
 * count; Save (or Ctrl/Cmd+Enter) logs `summary_changed`, Cancel (or Esc)
 * leaves it as it was. An empty summary clears it. The draft is this
 * component's own state, so a sync that re-renders the header (or changes the
 * summary underneath) never wipes what is half typed; it only says so.
 * No maxLength on purpose: an oversized paste must show the schema's message,
 * not be cut short in silence.
 */
export function SummaryEditor({ summary, onSave }: { summary: string; onSave: (summary: string) => Promise<unknown> }) {
  const [draft, setDraft] = useState<string | null>(null);
  // What the summary was when editing began: a change from sync meanwhile is pointed out.
  const [base, setBase] = useState(summary);
  const save = useAction(onSave);
  const ids = { text: useId(), count: useId() };
  const editButton = useRef<HTMLButtonElement>(null);

  function open() {
    setBase(summary);
    setDraft(summary);
    save.setError(null);
  }
  function close() {
    setDraft(null);
    save.setError(null);
    requestAnimationFrame(() => editButton.current?.focus());
  }
  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (draft === null) return;
    if ((await save.run(draft)) !== undefined) close();
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  }

  if (draft === null) {
    return (
      <div className="summary">
        {summary ? <p className="text">{summary}</p> : <p className="muted">No summary yet.</p>}
        <button ref={editButton} type="button" className="link" onClick={open}>
          {summary ? 'Edit summary' : 'Add a summary'}
        </button>
      </div>
    );
  }

  const over = draft.length > SUMMARY_MAX;
  return (
    <form onSubmit={submit} aria-label="Edit the summary" className="summary">
      <div className="field">
        <label htmlFor={ids.text}>Summary</label>
        <textarea
          id={ids.text}
          rows={4}
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={ids.count}
          aria-invalid={save.error ? true : undefined}
        />
        <p id={ids.count} className={over ? 'error' : 'muted'} style={{ fontSize: 12, margin: '2px 0 0' }}>
          {draft.length.toLocaleString('en')} / {SUMMARY_MAX.toLocaleString('en')} characters
        </p>
      </div>
      {summary !== base && (
        <p role="status" className="muted">
          The summary was changed while you were editing. Saving replaces it with yours.
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={save.busy}>
          Save summary
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
        <span className="muted" style={{ fontSize: 12 }}>
          Empty clears it. Ctrl+Enter saves, Esc cancels.
        </span>
      </div>
      {save.error && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
