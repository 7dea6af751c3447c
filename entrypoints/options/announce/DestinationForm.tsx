import { useId, useState, type FormEvent } from 'react';
import { permissions } from '../../../components/browser-ports';
import { useAction } from '../../../components/use-action';
import { DESTINATION_KINDS, type Destination, type DestinationKind } from '../../../lib/announce/destination';
import { DESTINATION_KIND_LABEL, originPattern, PASTE_HINT } from '../../../lib/announce/destination-url';
import { checkDestination } from '../../../lib/announce/destinations-store';
import { generateSecret } from '../../../lib/announce/sign';
import { SENT_TO_WEBHOOKS, WEBHOOK_LINKS } from '../../../lib/browser/permissions';
import { ValidationError } from '../../../lib/incidents/errors';
import { SecretField } from './SecretField';
import { TopicChoices } from './TopicChoices';

/**
 * Adds or edits one destination. Sending needs host access to its origin
 * (webhooks send no CORS headers) and, in Firefox, consent to send incident
 * details: asked for on Save, as the first asynchronous call of the click
 * (lib/browser/permissions.ts: Firefox counts the gesture over at the first
 * await). Checking the URL before it is synchronous, so it costs no gesture.
 */
export function DestinationForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: Destination | null;
  onSave: (destination: Destination) => Promise<void>;
  onCancel: () => void;
}) {
  const ids = { kind: useId(), url: useId() };
  const [draft, setDraft] = useState<Destination>(initial ?? { id: crypto.randomUUID(), kind: 'slack', url: '', topics: ['major'] });
  const save = useAction(async (d: Destination) => {
    const problem = checkDestination(d);
    if (problem) throw new ValidationError(problem);
    const granted = await permissions.request({ origins: [originPattern(d.url)], dataCollection: [...SENT_TO_WEBHOOKS, ...WEBHOOK_LINKS] });
    if (!granted) throw new ValidationError(`The browser did not allow sending to ${new URL(d.url).host}, so the destination was not saved.`);
    await onSave(d);
  });
  const update = (patch: Partial<Destination>) => setDraft({ ...draft, ...patch });

  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run({ ...draft, url: draft.url.trim() });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-label={initial ? 'Edit destination' : 'Add a destination'}>
      <div className="field">
        <label htmlFor={ids.kind}>Service</label>
        {/* Opened by "Add a destination" or "Edit": keyboard focus moves into the form. */}
        <select
          id={ids.kind}
          autoFocus
          value={draft.kind}
          onChange={(e) => {
            const kind = e.target.value as DestinationKind;
            update({ kind, secret: kind === 'json' ? (draft.secret ?? generateSecret()) : undefined });
          }}
        >
          {DESTINATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {DESTINATION_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.url}>Webhook URL</label>
        <input id={ids.url} type="text" spellCheck={false} value={draft.url} onChange={(e) => update({ url: e.target.value })} />
        <p className="hint">{PASTE_HINT[draft.kind]} The browser will ask to allow access to that host when you save: it is used for nothing else.</p>
      </div>
      {draft.kind === 'json' && <SecretField value={draft.secret ?? ''} onChange={(secret) => update({ secret })} />}
      <TopicChoices topics={draft.topics} onChange={(topics) => update({ topics })} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.busy}>
          Save destination
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {save.error && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
