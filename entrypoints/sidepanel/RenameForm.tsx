import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../components/use-action';

export function RenameForm({ current, onRename }: { current: string; onRename: (title: string) => Promise<unknown> }) {
  const [title, setTitle] = useState(current);
  const rename = useAction(onRename);
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    void rename.run(title);
  }
  return (
    <form onSubmit={submit} aria-label="Rename the incident">
      <div className="field">
        <label htmlFor={id}>Title</label>
        <input id={id} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <button type="submit" disabled={rename.busy || title === current}>
        Save title
      </button>
      {rename.error && <p className="error" role="alert">{rename.error.message}</p>}
    </form>
  );
}
