import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { loadNewcomerDeclare, loadOperations } from '../lib/incidents/load-operations';
import type { DeclareInput } from '../lib/incidents/operations';
import type { Actor, DomainContext } from '../lib/incidents/context';
import type { Incident } from '../lib/model/incident';
import type { Severity } from '../lib/model/incident-fields';
import { profileStore, type Profile } from '../lib/profile/profile';
import { TITLE_MAX } from '../lib/model/limits';
import { LeadPicker } from './LeadPicker';
import { NameField } from './NameField';
import { SEVERITY_LABEL } from '../lib/model/labels';
import { useAction } from './use-action';

/**
 * Declaring costs seconds: the title is prefilled from the page, Minor is the
 * default, I am the lead, and Enter declares. On first run (no actor yet) the
 * form also asks for my name, above the title, and declaring saves both
 * together (lib/incidents/declare-as-newcomer.ts).
 */
export interface CarriedOver {
  title: string;
  severity: Severity;
  summary: string;
  focused: 'title' | 'summary' | null;
  selection: [number, number] | null;
  submitRequested: boolean;
}

/** "Me" in the lead list before I have a user id; declaring as a newcomer makes the lead me. */
const NEWCOMER = 'me';

/** The context to declare with; `actor: null` is a newcomer, who names themself in the form. */
export type DeclareContext = Omit<DomainContext, 'actor'> & { actor: Actor | null };

export function DeclareForm({
  ctx,
  initialTitle,
  sourceUrl,
  carriedOver = null,
  suggestion = null,
  onDeclared,
}: {
  ctx: DeclareContext;
  initialTitle: string;
  sourceUrl?: string | undefined;
  /** A better title and link, recognised from the page a moment after the form showed. */
  suggestion?: { title: string; sourceUrl: string | null; label: string | null } | null;
  /** What was typed into the popup's plain-HTML form before React took over. */
  carriedOver?: CarriedOver | null;
  /** The profile is there when a newcomer's declare also saved their name. */
  onDeclared: (incident: Incident, profile?: Profile) => void;
}) {
  const { actor } = ctx;
  const [name, setName] = useState('');
  const me = actor ? { id: actor.userId, name: actor.displayName } : { id: NEWCOMER, name: name.trim() };
  const [title, setTitle] = useState(carriedOver?.title ?? initialTitle);
  const [severity, setSeverity] = useState<Severity>(carriedOver?.severity ?? 'minor');
  const [lead, setLead] = useState<{ id: string; name: string } | null>(me);
  const [summary, setSummary] = useState(carriedOver?.summary ?? '');
  const titleRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const ids = { title: useId(), summary: useId(), error: useId(), severity: useId(), count: useId(), name: useId() };
  const declare = useAction(async (input: DeclareInput): Promise<{ incident: Incident; profile?: Profile }> =>
    actor
      ? { incident: await (await loadOperations()).declareIncident({ ...ctx, actor }, input) }
      : (await loadNewcomerDeclare()).declareAsNewcomer(ctx, name, input, profileStore),
  );
  const link = suggestion?.sourceUrl ?? sourceUrl;

  // Take the recognised title only while the person has not touched the field.
  const untouched = title === (carriedOver?.title ?? initialTitle);
  useEffect(() => {
    if (!suggestion || !untouched || suggestion.title === title) return;
    const selectedAll =
      document.activeElement === titleRef.current &&
      titleRef.current?.selectionStart === 0 &&
      titleRef.current.selectionEnd === title.length;
    setTitle(suggestion.title);
    if (selectedAll) requestAnimationFrame(() => titleRef.current?.select());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [suggestion]);

  useEffect(() => {
    if (carriedOver) {
      // Pick up exactly where the person was in the plain-HTML form.
      const field =
        carriedOver.focused === 'summary' ? summaryRef.current : carriedOver.focused ? titleRef.current : null;
      field?.focus();
      if (field && carriedOver.selection) field.setSelectionRange(...carriedOver.selection);
      if (carriedOver.submitRequested) void submit();
    } else if (!actor) {
      nameRef.current?.focus(); // first run: who I am comes first
    } else {
      titleRef.current?.focus();
      titleRef.current?.select();
    }
    // Warm the write path while the person reads the form.
    void (actor ? loadOperations() : loadNewcomerDeclare());
    // Mount only: carriedOver is a snapshot, and submit must not re-run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const titleError = declare.error?.field === 'title' ? declare.error.message : null;
  const nameError = declare.error?.field === 'displayName' ? declare.error.message : null;
  const otherError = declare.error && !titleError && !nameError ? declare.error.message : null;
  useEffect(() => {
    if (nameError) nameRef.current?.focus();
    else if (titleError) titleRef.current?.focus();
  }, [titleError, nameError]);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!lead) {
      declare.setError({ field: 'lead', message: "Enter the lead's name, or choose someone from the list." });
      return;
    }
    // A newcomer's "me" has no id until the declare makes one: leave the lead out, and it is me.
    const chosen = lead.id === NEWCOMER ? {} : { lead };
    const done = await declare.run({ title, severity, ...chosen, summary, ...(link ? { sourceUrl: link } : {}) });
    if (done) onDeclared(done.incident, done.profile);
  }

  function submitOnCtrlEnter(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  }

  const length = title.trim().length;

  return (
    <form onSubmit={submit} aria-label="Declare an incident" noValidate>
      {!actor && (
        <NameField
          id={ids.name}
          inputRef={nameRef}
          value={name}
          onChange={setName}
          error={nameError}
          hint="Your team sees it when you lead. Everything stays on this device until you connect a team."
        />
      )}
      <div className="field">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <label htmlFor={ids.title}>Title</label>
          {length > TITLE_MAX - 20 && (
            <span id={ids.count} className={length > TITLE_MAX ? 'error' : 'hint'} aria-live="polite">
              {length}/{TITLE_MAX}
            </span>
          )}
        </div>
        <input
          id={ids.title}
          ref={titleRef}
          type="text"
          value={title}
          placeholder="What is interrupting normal work?"
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? ids.error : undefined}
          autoComplete="off"
        />
        {titleError && (
          <p id={ids.error} className="error" role="alert">
            {titleError}
          </p>
        )}
        {suggestion?.label && !titleError && <p className="hint">From a {suggestion.label}</p>}
      </div>
      <fieldset>
        <legend>Severity</legend>
        {(['minor', 'major'] as const).map((level) => (
          <label key={level} className="choice">
            <input
              type="radio"
              name={ids.severity}
              value={level}
              checked={severity === level}
              onChange={() => setSeverity(level)}
            />
            {SEVERITY_LABEL[level]}
          </label>
        ))}
        <p className="hint">Major means significant customer impact: people should join in.</p>
      </fieldset>
      <LeadPicker db={ctx.db} me={me} value={lead} onChange={setLead} />
      <div className="field">
        <label htmlFor={ids.summary}>
          Summary <span className="hint">(optional)</span>
        </label>
        <textarea
          id={ids.summary}
          ref={summaryRef}
          rows={2}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          onKeyDown={submitOnCtrlEnter}
        />
      </div>
      <button type="submit" className="primary" disabled={declare.busy}>
        Declare incident
      </button>
      {otherError && (
        <p className="error" role="alert">
          {otherError}
        </p>
      )}
    </form>
  );
}
