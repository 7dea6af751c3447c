import { useEffect, useId, useState, type FormEvent } from 'react';
import { useAction } from '../../components/use-action';
import { loadTeamSettings, saveTeamSettings, type TeamSettings } from '../../lib/settings/team-settings';

/** How you run incidents: the customer-update nudge and templates, and notifications. Announcements are ./announce/Destinations.tsx. */
export function RunningSettings() {
  const [settings, setSettings] = useState<TeamSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useAction(async (next: TeamSettings) => {
    await saveTeamSettings(next);
    setSaved(true);
  });
  const ids = { nudge: useId() };
  useEffect(() => {
    void loadTeamSettings().then(setSettings);
  }, []);
  if (!settings) return <p className="muted">Loading…</p>;
  const update = (patch: Partial<TeamSettings>) => {
    setSaved(false);
    setSettings({ ...settings, ...patch });
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run(settings!);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="running-heading">
      <h2 id="running-heading">Running incidents</h2>
      <div className="field">
        <label htmlFor={ids.nudge}>Nudge for a customer update on Major incidents after (minutes)</label>
        <input
          id={ids.nudge}
          type="number"
          min={5}
          max={1440}
          value={settings.nudgeMinutes}
          onChange={(e) => update({ nudgeMinutes: Number(e.target.value) })}
        />
      </div>
      <fieldset>
        <legend>Customer-update templates</legend>
        <p className="hint">
          Placeholders: {'{{title}} {{summary}} {{status}} {{severity}} {{lead}} {{outcome}} {{next_update}}'}
        </p>
        {settings.templates.map((t, i) => (
          <div key={i} className="field card">
            <label htmlFor={`${ids.nudge}-name-${i}`}>Template name</label>
            <input
              id={`${ids.nudge}-name-${i}`}
              type="text"
              value={t.name}
              onChange={(e) => update({ templates: settings.templates.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })}
            />
            <label htmlFor={`${ids.nudge}-text-${i}`}>Template text</label>
            <textarea
              id={`${ids.nudge}-text-${i}`}
              rows={4}
              value={t.text}
              onChange={(e) => update({ templates: settings.templates.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
            />
            {settings.templates.length > 1 && (
              <button type="button" onClick={() => update({ templates: settings.templates.filter((_, j) => j !== i) })}>
                Remove template “{t.name}”
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => update({ templates: [...settings.templates, { name: 'New template', text: '{{title}}: ' }] })}>
          Add template
        </button>
      </fieldset>
      <fieldset>
        <legend>Desktop notifications</legend>
        <label className="choice">
          <input type="checkbox" checked={settings.notifyMajorDeclared} onChange={(e) => update({ notifyMajorDeclared: e.target.checked })} />
          When a teammate declares a Major incident
        </label>
        <label className="choice">
          <input type="checkbox" checked={settings.notifyMadeLead} onChange={(e) => update({ notifyMadeLead: e.target.checked })} />
          When a teammate makes me the lead
        </label>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={save.busy}>
          Save
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
      {save.error && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
