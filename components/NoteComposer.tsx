import { useId, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { NoteInput } from '../lib/incidents/operations';
import type { ActionError } from './use-action';

// Terminal colour codes survive a copy from some terminals; they are noise in a log.
const ANSI_ESCAPES = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * Adds a note to the timeline. Multi-line; a pasted block of several lines is
 * treated as a log (kept exactly, shown monospace), which can be switched off.
 * Ctrl/Cmd+Enter adds.
 */
export function NoteComposer({
  onAdd,
  busy,
  error,
  label = 'Add to the timeline',
  compact = false,
  onImage,
}: {
  onAdd: (note: NoteInput) => Promise<unknown>;
  /** Pasting or dropping an image hands it here (it becomes a screenshot entry). */
  onImage?: (image: File) => Promise<unknown>;
  busy?: boolean;
  error?: ActionError | null;
  label?: string;
  compact?: boolean;
}) {
  const [text, setText] = useState('');
  const [log, setLog] = useState(false);
  const ids = { text: useId(), log: useId(), error: useId() };

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const added = await onAdd({ text, format: log ? 'log' : 'plain' });
    if (added !== undefined) {
      setText('');
      setLog(false);
    }
  }

  const [dragging, setDragging] = useState(false);

  function imagesIn(data: DataTransfer): File[] {
    return [...data.files].filter((f) => f.type.startsWith('image/'));
  }

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const images = onImage ? imagesIn(e.clipboardData) : [];
    if (images.length) {
      e.preventDefault();
      for (const image of images) void onImage!(image);
      return;
    }
    const pasted = e.clipboardData.getData('text/plain');
    if (!pasted) return;
    const clean = pasted.replace(ANSI_ESCAPES, '');
    if (clean !== pasted) {
      e.preventDefault();
      const el = e.currentTarget;
      setText(el.value.slice(0, el.selectionStart) + clean + el.value.slice(el.selectionEnd));
    }
    if (clean.includes('\n')) setLog(true);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Note composer"
      className={dragging ? 'drop-target' : undefined}
      onDragOver={(e) => {
        if (!onImage || ![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        const images = onImage ? imagesIn(e.dataTransfer) : [];
        if (!images.length) return;
        e.preventDefault();
        for (const image of images) void onImage!(image);
      }}
    >
      <div className="field">
        <label htmlFor={ids.text}>{label}</label>
        <textarea
          id={ids.text}
          rows={compact ? 2 : 4}
          value={text}
          className={log ? 'mono' : undefined}
          placeholder={
            onImage
              ? 'What you see, what you tried, what you are thinking… (paste or drop images too)'
              : 'What you see, what you tried, what you are thinking…'
          }
          onChange={(e) => setText(e.target.value)}
          onPaste={onPaste}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Add note
        </button>
        <label className="choice" htmlFor={ids.log}>
          <input id={ids.log} type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
          Log or code (monospace)
        </label>
      </div>
      {error && (
        <p id={ids.error} className="error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
