import type { Ref } from 'react';
import { NAME_MAX } from '../lib/model/limits';

/**
 * "Your name": the name teammates see when I lead. One field for the first-run
 * declare form (DeclareForm) and the name form (ProfileGate), so both ask alike.
 */
export function NameField({
  id,
  value,
  onChange,
  error,
  hint,
  inputRef,
  autoFocus = false,
}: {
  id: string;
  value: string;
  onChange: (name: string) => void;
  error: string | null;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>Your name</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        autoFocus={autoFocus}
        autoComplete="name"
        maxLength={NAME_MAX + 20}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && !error && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
