import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { permissions } from '../../components/browser-ports';
import { SENT_TO_SLACK } from '../../lib/browser/permissions';
import { useAction } from '../../components/use-action';
import type { IncidentDatabase } from '../../lib/db/database';
import { slackStatusItem } from '../../lib/db/meta-items';
import { formatDateTime } from '../../lib/format/time';
import { checkWebhookUrl, loadTeamSettings, saveTeamSettings, type TeamSettings } from '../../lib/settings/team-settings';
import { ask } from './team/ask';

/**
 * Posting to Slack needs host access to its origin (its webhooks send no CORS
 * headers) and, in Firefox, consent to send incident details. Asked for when
 * the webhook is saved: the request must be the click handler's first call
 * (lib/browser/permissions.ts), and it resolves true without a prompt when
 * already granted.
 */
function allowWebhook(url: string): Promise<void> {
  const { origin, host } = new URL(url);
  return permissions.request({ origins: [`${origin}/*`], dataCollection: SENT_TO_SLACK }).then((granted) => {
    if (!granted) throw new Error(`The browser did not allow posting to ${host}, so the webhook was not saved.`);
  });
}

/** How you run incidents: the customer-update nudge and templates, notifications, and Slack. */
export function RunningSettings({ db }: { db: IncidentDatabase }) {
  const [settings, setSettings] = useState<TeamSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useAction(async (next: TeamSettings) => {
    const problem = checkWebhookUrl(next.slackWebhookUrl);
    if (problem) throw new Error(problem);
    if (next.slackWebhookUrl) await allowWebhook(next.slackWebhookUrl);
    await saveTeamSettings({ ...next, slackWebhookUrl: next.slackWebhookUrl.trim() });
    setSaved(true);
  });
  const test = useAction(() => ask({ type: 'testSlack' }));
  const slackStatus = useLiveQuery(() => slackStatusItem.get(db));
  const ids = { nudge: useId(), webhook: useId() };
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
      <div className="field">
        <label htmlFor={ids.webhook}>Slack incoming-webhook URL (optional)</label>
        <input
          id={ids.webhook}
          type="text"
          placeholder="https://hooks.slack.com/services/…"
          value={settings.slackWebhookUrl}
          onChange={(e) => update({ slackWebhookUrl: e.target.value })}
        />
        <p className="hint">
          Declaring and resolving a Major incident posts a short message there. The browser will ask to allow access to
          hooks.slack.com when you save: it is used for nothing else.
        </p>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={save.busy}>
          Save
        </button>
        {settings.slackWebhookUrl && (
          <button type="button" onClick={() => void test.run()} disabled={test.busy}>
            Send a test message
          </button>
        )}
        {saved && <span role="status">Saved.</span>}
      </div>
      {(save.error ?? test.error) && (
        <p className="error" role="alert">
          {(save.error ?? test.error)!.message}
        </p>
      )}
      {slackStatus && (
        <p className={slackStatus.ok ? 'muted' : 'error'}>
          Slack, {formatDateTime(slackStatus.at)}: {slackStatus.message}
        </p>
      )}
    </form>
  );
}
