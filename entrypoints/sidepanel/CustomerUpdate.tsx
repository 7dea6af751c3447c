import { useId, useState } from 'react';
import { useAction } from '../../components/use-action';
import { useStorageItem } from '../../components/use-storage-item';
import { DEFAULT_TEAM_SETTINGS, parseTeamSettings, teamSettingsItem } from '../../lib/settings/team-settings';
import { CHANNEL_LABEL } from '../../lib/model/labels';
import { renderTemplate } from '../../lib/customer-updates/template';
import type { DomainContext } from '../../lib/incidents/context';
import { addCustomerUpdate, type CustomerChannel } from '../../lib/incidents/operations';
import { CUSTOMER_CHANNELS } from '../../lib/model/event';
import type { Incident } from '../../lib/model/incident';

/**
 * Keep customers in the loop: draft from a template (editable in Options),
 * copy it to wherever it goes, and log it on the timeline with its channel.
 */
export function CustomerUpdate({ ctx, incident, onDone }: { ctx: DomainContext; incident: Incident; onDone?: () => void }) {
  const settings = useStorageItem(teamSettingsItem, { read: parseTeamSettings, initial: DEFAULT_TEAM_SETTINGS });
  const [templateIndex, setTemplateIndex] = useState(incident.status === 'resolved' ? 1 : 0);
  const template = settings.templates[templateIndex] ?? settings.templates[0]!;
  const draft = () => renderTemplate(template.text, incident, { nowMs: Date.now(), nextUpdateMinutes: settings.nudgeMinutes });
  const [text, setText] = useState(draft);
  const [channel, setChannel] = useState<CustomerChannel>('email');
  const [copied, setCopied] = useState(false);
  const log = useAction(() => addCustomerUpdate(ctx, incident.id, channel, text));
  const ids = { template: useId(), channel: useId(), text: useId() };

  return (
    <form
      className="stack"
      aria-label="Customer update"
      onSubmit={(e) => {
        e.preventDefault();
        void log.run().then((done) => done && onDone?.());
      }}
    >
      <div className="row">
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor={ids.template}>Template</label>
          <select
            id={ids.template}
            value={templateIndex}
            onChange={(e) => {
              setTemplateIndex(Number(e.target.value));
              const next = settings.templates[Number(e.target.value)];
              if (next) setText(renderTemplate(next.text, incident, { nowMs: Date.now(), nextUpdateMinutes: settings.nudgeMinutes }));
            }}
          >
            {settings.templates.map((t, i) => (
              <option key={t.name} value={i}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor={ids.channel}>Channel</label>
          <select id={ids.channel} value={channel} onChange={(e) => setChannel(e.target.value as CustomerChannel)}>
            {CUSTOMER_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABEL[c]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.text}>Update</label>
        <textarea id={ids.text} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="row">
        <button
          type="button"
          onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
        >
          Copy update
        </button>
        <button type="submit" className="primary" disabled={log.busy}>
          Log as sent
        </button>
        {copied && <span role="status">Copied.</span>}
      </div>
      {log.error && (
        <p className="error" role="alert">
          {log.error.message}
        </p>
      )}
    </form>
  );
}
