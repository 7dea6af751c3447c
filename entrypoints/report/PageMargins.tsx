import type { IncidentReport } from '../../lib/report/report-model';

// Only characters a CSS string can hold as they are: the ref is INC-<n> or hex
// (lib/export/incident-ref.ts) and the time is readableUtc's digits. Anything
// else (it cannot happen) drops the running line rather than escape it.
const SAFE = /^[A-Za-z0-9 :·-]+$/;

/**
 * The incident's ref and the generation time at the foot of every printed
 * page, with the page number, as CSS page-margin boxes
 * (https://drafts.csswg.org/css-page-3/#margin-boxes; Chromium 131+). Browsers
 * without them (Firefox 153) still print the same line at the top of the
 * first page (the report's kicker line).
 */
export function PageMargins({ report }: { report: IncidentReport }) {
  const line = `${report.ref} · Incident report generated ${report.generated.utc}`;
  if (!SAFE.test(line)) return null;
  return (
    <style>{`@page {
  @bottom-left { content: "${line}"; font: 9px system-ui, sans-serif; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9px system-ui, sans-serif; color: #444; }
}`}</style>
  );
}
