import { OUTCOME_TEXT, SEVERITY_LABEL } from '../model/labels';
import type { Incident } from '../model/incident';

/**
 * Fills a customer-update template from the incident. Placeholders:
 * {{title}} {{summary}} {{status}} {{severity}} {{lead}} {{outcome}} {{next_update}}.
 * Unknown placeholders are left as they are, so a typo is visible in the draft.
 */
export function renderTemplate(template: string, incident: Incident, { nowMs, nextUpdateMinutes }: { nowMs: number; nextUpdateMinutes: number }): string {
  const next = new Date(nowMs + nextUpdateMinutes * 60_000);
  const values: Record<string, string> = {
    title: incident.title,
    summary: incident.summary || 'we are still confirming the scope',
    status: incident.status === 'active' ? 'investigating' : 'resolved',
    severity: SEVERITY_LABEL[incident.severity],
    lead: incident.leadName,
    outcome: incident.outcome ? OUTCOME_TEXT[incident.outcome] : 'in progress',
    next_update: next.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }),
  };
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}
