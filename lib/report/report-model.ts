import { namesFromLog } from '../export/incident-record';
import { formatDuration } from '../format/time';
import { timelineEntries } from '../incidents/timeline-entries';
import type { IncidentEvent, ScreenshotEvent } from '../model/event';
import type { FollowUp, Incident } from '../model/incident';
import { OUTCOME_LABEL, SEVERITY_LABEL, STATUS_LABEL } from '../model/labels';
import { reportClock, type ClockOptions, type ReportTime } from './report-time';

/** One dated row of the report's timeline. */
export interface ReportEntry {
  event: IncidentEvent;
  /** For an annotated copy shown in its original's place: when and by whom the original was taken (evidence keeps its time). */
  at: ReportTime;
  author: string;
  /** Who annotated the copy shown, when it is one. */
  annotatedBy?: string;
}

/** Everything the printable report shows, built from the incident's own log: no guesswork, no I/O. */
export interface IncidentReport {
  /** INC-12, or the end of the id for a local-only incident (lib/export/incident-ref.ts). */
  ref: string;
  title: string;
  severity: string;
  status: string;
  lead: string;
  declared: ReportTime;
  resolved: ReportTime | null;
  /** "Running for 1 h 5 min" or "Took 1 h 5 min". */
  duration: string;
  outcome: string | null;
  summary: string;
  sourceUrl: string | null;
  followUps: { open: FollowUp[]; done: FollowUp[] };
  /** For "Completed the follow-up: …" entries (components/EntryBody.tsx). */
  followUpText: Map<string, string>;
  /** Oldest first, as timelineEntries() shows them: redacted screenshots are not here. */
  entries: ReportEntry[];
  /** The screenshots among the entries: the images the page waits for before it is ready to print. */
  screenshots: ScreenshotEvent[];
  generated: ReportTime;
}

export interface ReportOptions extends ClockOptions {
  /** Names for authors the log does not name (me, teammates); the log's own lead names otherwise. */
  nameOf?: (userId: string) => string | undefined;
  now: number;
}

/** Anyone the log and the team do not name. */
export const UNKNOWN_AUTHOR = 'A teammate';

/** The report for one incident: its header facts, follow-ups split open / done, and its shown timeline, dated. */
export function buildIncidentReport(
  incident: Incident,
  events: readonly IncidentEvent[],
  ref: string,
  { nameOf, now, locale, timeZone }: ReportOptions,
): IncidentReport {
  const clock = reportClock({ locale, timeZone });
  const logNames = namesFromLog(events);
  const author = (id: string) => nameOf?.(id) ?? logNames.get(id) ?? UNKNOWN_AUTHOR;
  const entries = timelineEntries(events).map(({ event, original }): ReportEntry => {
    // As the side panel's timeline (components/Timeline.tsx): a copy stands where its original was taken.
    const taken = original ?? event;
    const entry = { event, at: clock(taken.createdAt), author: author(taken.authorId) };
    return original ? { ...entry, annotatedBy: author(event.authorId) } : entry;
  });
  const resolved = incident.status === 'resolved' && incident.resolvedAt ? incident.resolvedAt : null;
  const declaredMs = Date.parse(incident.declaredAt);
  return {
    ref,
    title: incident.title,
    severity: SEVERITY_LABEL[incident.severity],
    status: STATUS_LABEL[incident.status],
    lead: incident.leadName,
    declared: clock(incident.declaredAt),
    resolved: resolved ? clock(resolved) : null,
    duration: resolved
      ? `Took ${formatDuration(Date.parse(resolved) - declaredMs)}`
      : `Running for ${formatDuration(now - declaredMs)}`,
    outcome: resolved && incident.outcome ? OUTCOME_LABEL[incident.outcome] : null,
    summary: incident.summary,
    sourceUrl: incident.sourceUrl,
    followUps: {
      open: incident.followUps.filter((f) => !f.done),
      done: incident.followUps.filter((f) => f.done),
    },
    followUpText: new Map(incident.followUps.map((f) => [f.id, f.text])),
    entries,
    screenshots: entries.flatMap(({ event }) => (event.kind === 'screenshot' ? [event] : [])),
    generated: clock(new Date(now).toISOString()),
  };
}
