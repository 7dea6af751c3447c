import { useId, useState, type ReactNode } from 'react';
import { DataTable, type TableData } from './DataTable';

/**
 * One chart: its title, a one-sentence description (also the SVG's
 * aria-describedby), the picture, and a "Table" toggle that shows the same
 * numbers as a table (a button, so Tab and Enter/Space reach it).
 */
export function ChartCard({
  title,
  description,
  table,
  children,
}: {
  title: string;
  description: string;
  table: TableData;
  /** The SVG, labelled by the title and described by the description. */
  children: (ids: { titleId: string; descId: string }) => ReactNode;
}) {
  const titleId = useId();
  const descId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="card chart" aria-labelledby={titleId}>
      <div className="chart-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="chart-toggle" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
          Table
        </button>
      </div>
      <p id={descId} className="chart-desc muted">
        {description}
      </p>
      {asTable ? <DataTable caption={title} data={table} /> : children({ titleId, descId })}
    </section>
  );
}
