import { useId, useState, type FormEvent } from 'react';
import { useStorageItem } from '../../components/use-storage-item';
import { parseRepository, readTrackerSettings, type TrackerSettings as Settings } from '../../lib/trackers/tracker-settings';
import { saveTrackerSettings, trackerSettingsItem } from '../../lib/trackers/tracker-settings-item';

interface Draft {
  linear: boolean;
  linearTeam: string;
  repository: string;
  jiraSite: string;
  jiraProject: string;
  jiraIssueType: string;
}

const toDraft = (s: Settings): Draft => ({
  linear: !!s.linear,
  linearTeam: s.linear?.teamKey ?? '',
  repository: s.github ? `${s.github.owner}/${s.github.repo}` : '',
  jiraSite: s.jira?.site ?? '',
  jiraProject: s.jira?.projectId ?? '',
  jiraIssueType: s.jira?.issueTypeId ?? '',
});

/** The draft as settings, or the first sentence saying what to fix. Empty fields leave that tracker off. */
function fromDraft(d: Draft): Settings | string {
  const out: Record<string, unknown> = {};
  if (d.linear) out.linear = d.linearTeam.trim() ? { teamKey: d.linearTeam } : {};
  if (d.repository.trim()) {
    const repo = parseRepository(d.repository);
    if ('error' in repo) return repo.error;
    out.github = repo;
  }
  if (d.jiraSite.trim() || d.jiraProject.trim() || d.jiraIssueType.trim()) {
    out.jira = { site: d.jiraSite, projectId: d.jiraProject, issueTypeId: d.jiraIssueType };
  }
  return out as Settings;
}

/**
 * Options → Trackers: where a follow-up's "Create issue" opens the tracker's
 * new-issue page (lib/trackers/prefill-url.ts). No token: the person creates
 * the issue themselves, signed in to their tracker.
 */
export function TrackerSettings() {
  const stored = useStorageItem(trackerSettingsItem, { read: readTrackerSettings, initial: null as Settings | null });
  // Kept here: a save changes `stored`, which gives the form a fresh draft (new key), and the sentence must survive that.
  const [message, setMessage] = useState<Message>(null);
  if (!stored) return <p className="muted">Loading…</p>;
  return <TrackerForm key={JSON.stringify(stored)} stored={stored} message={message} setMessage={setMessage} />;
}

type Message = { ok: boolean; text: string } | null;

function TrackerForm({ stored, message, setMessage }: { stored: Settings; message: Message; setMessage: (m: Message) => void }) {
  const [draft, setDraft] = useState(() => toDraft(stored));
  const id = useId();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const field = (key: Exclude<keyof Draft, 'linear'>, label: string, placeholder: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        placeholder={placeholder}
        value={draft[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        aria-invalid={message && !message.ok ? true : undefined}
      />
      {hint && <p className="muted">{hint}</p>}
    </div>
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = fromDraft(draft);
    if (typeof next === 'string') return setMessage({ ok: false, text: next });
    try {
      await saveTrackerSettings(next);
      setMessage({ ok: true, text: 'Trackers saved.' });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section className="card" id="trackers">
      <form onSubmit={submit} className="stack" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Trackers</h2>
        <p className="muted">
          Each follow-up gets Create issue for the trackers set here: it opens the tracker’s new-issue page with the
          title and description filled in, and you create it there. Leave a tracker empty to hide it.
        </p>
        <label className="choice">
          <input type="checkbox" checked={draft.linear} onChange={(e) => set({ linear: e.target.checked })} />
          Linear
        </label>
        {draft.linear && field('linearTeam', 'Linear team key (optional)', 'ENG')}
        {field('repository', 'GitHub repository', 'owner/repo')}
        {field('jiraSite', 'Jira site', 'https://yourteam.atlassian.net')}
        {field('jiraProject', 'Jira project id (pid)', '10000', 'A number: the project’s id, not its key (such as OPS).')}
        {field('jiraIssueType', 'Jira issue type id', '10001')}
        <button type="submit" className="primary">
          Save trackers
        </button>
        {message && (
          <p className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
