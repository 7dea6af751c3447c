import type { Severity, Status } from '../lib/model/incident-fields';

export const SEVERITY_LABEL: Record<Severity, string> = { minor: 'Minor', major: 'Major' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge ${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge ${status}`}>{status === 'active' ? 'Active' : 'Resolved'}</span>;
}
