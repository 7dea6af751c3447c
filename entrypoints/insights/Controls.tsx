import { useId, useState, type FormEvent } from 'react';
import { customPeriod, dayOf, PRESETS, type PresetId } from '../../lib/insights/presets';
import { SCOPE_LABELS, type Scope } from '../../lib/insights/scope';
import { DAY_MS } from '../../lib/insights/period';
import type { PeriodChoice } from './use-insights';

/** Period (a preset, or custom dates applied with a button) and scope (Team / This device). */
export function Controls({
  choice,
  onChoice,
  scope,
  scopes,
  onScope,
}: {
  choice: PeriodChoice;
  onChoice: (c: PeriodChoice) => void;
  scope: Scope;
  scopes: Scope[];
  onScope: (s: Scope) => void;
}) {
  const periodId = useId();
  const [custom, setCustom] = useState(choice.kind === 'custom');
  return (
    <div className="insights-controls">
      <div className="field">
        <label htmlFor={periodId}>Period</label>
        <select
          id={periodId}
          value={custom ? 'custom' : choice.kind === 'preset' ? choice.id : 'custom'}
          onChange={(e) => {
            const value = e.target.value;
            setCustom(value === 'custom');
            if (value !== 'custom') onChoice({ kind: 'preset', id: value as PresetId });
          }}
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom dates…</option>
        </select>
      </div>
      {custom && <CustomDates choice={choice} onChoice={onChoice} />}
      {scopes.length > 1 ? (
        <fieldset>
          <legend>Incidents of</legend>
          {scopes.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => onScope(s)} />
              {SCOPE_LABELS[s]}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="hint">Incidents of this device. Connect a team in Options to see the team's.</p>
      )}
    </div>
  );
}

function CustomDates({ choice, onChoice }: { choice: PeriodChoice; onChoice: (c: PeriodChoice) => void }) {
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const [from, setFrom] = useState(choice.kind === 'custom' ? dayOf(choice.period.from) : '');
  const [to, setTo] = useState(choice.kind === 'custom' ? dayOf(choice.period.to - DAY_MS) : '');
  const [error, setError] = useState<string | null>(null);
  function apply(e: FormEvent) {
    e.preventDefault();
    const parsed = customPeriod(from, to);
    setError(parsed.ok ? null : parsed.message);
    if (parsed.ok) onChoice({ kind: 'custom', period: parsed.period });
  }
  return (
    <form className="row insights-dates" onSubmit={apply} aria-label="Custom dates">
      <div>
        <label htmlFor={fromId}>From</label>
        <input id={fromId} type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={error ? errorId : undefined} />
      </div>
      <div>
        <label htmlFor={toId}>To (included)</label>
        <input id={toId} type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={error ? errorId : undefined} />
      </div>
      <button type="submit">Apply</button>
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
