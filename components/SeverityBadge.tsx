import type { Severity, Status } from '../lib/model/incident-fields';
import { SEVERITY_LABEL, STATUS_LABEL } from '../lib/model/labels';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge ${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge ${status}`}>{STATUS_LABEL[status]}</span>;
}
