import { useId, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { NoteInput } from '../lib/incidents/operations';
import { NOTE_MAX } from '../lib/model/limits';
import { clipPaste } from './clip-paste';
import type { ActionError } from './use-action';

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
  const [clipped, setClipped] = useState(false);
  const ids = { text: useId(), log: useId(), error: useId(), clipped: useId() };

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const added = await onAdd({ text, format: log ? 'log' : 'plain' });
    if (added !== undefined) {
      setText('');
      setLog(false);
      setClipped(false);
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
    const el = e.currentTarget;
    const before = el.value.slice(0, el.selectionStart);
    const after = el.value.slice(el.selectionEnd);
    const room = NOTE_MAX - before.length - after.length;
    // A paste that fits and has no colour codes is left to the browser (it keeps undo).
    if (pasted.length <= room && !pasted.includes('\u001b')) {
      if (pasted.includes('\n')) setLog(true);
      return;
    }
    // Otherwise inserted by hand: a 50 MB paste must never reach the textarea (the
    // panel froze laying it out), so only what fits the note limit goes in.
    e.preventDefault();
    const { text: clean, cut } = clipPaste(pasted, room);
    setText(before + clean + after);
    setClipped(cut);
    const caret = before.length + clean.length;
    requestAnimationFrame(() => el.setSelectionRange(caret, caret));
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
          maxLength={NOTE_MAX}
          onChange={(e) => {
            setText(e.target.value);
            setClipped(false);
          }}
          onPaste={onPaste}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error && ids.error, clipped && ids.clipped].filter(Boolean).join(' ') || undefined}
        />
        {clipped && (
          <p id={ids.clipped} className="hint" role="status">
            The pasted text was cut at {NOTE_MAX.toLocaleString('en')} characters, the most a note can hold; the rest was left
            out. Split a longer log across several notes.
          </p>
        )}
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
