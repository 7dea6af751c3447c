import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { HEIGHT, PLOT, WIDTH } from './chart-frame';
import { XLabels, YAxis } from './Axes';

export interface Series {
  key: string;
  name: string;
  /** A class in insights.css that colours it from the theme's variables. */
  className: string;
}

export type Row = { key: number } & Record<string, number>;

/**
 * Bars per week: stacked (severities add up to the week's incidents) or side
 * by side (follow-ups opened and done are not parts of one whole). d3-scale
 * places them, d3-shape's stack piles them; React draws the SVG.
 */
export function Bars({
  rows,
  series,
  mode,
  label,
  titleId,
  descId,
}: {
  rows: Row[];
  series: Series[];
  mode: 'stacked' | 'grouped';
  label: (key: number) => string;
  titleId: string;
  descId: string;
}) {
  const keys = rows.map((r) => r.key);
  const x = scaleBand<number>().domain(keys).range([PLOT.left, PLOT.right]).paddingInner(0.2).paddingOuter(0.1);
  const top =
    mode === 'stacked'
      ? (max(rows, (r) => series.reduce((n, s) => n + (r[s.key] ?? 0), 0)) ?? 0)
      : (max(rows, (r) => max(series, (s) => r[s.key] ?? 0)) ?? 0);
  const y = scaleLinear()
    .domain([0, Math.max(top, 1)])
    .nice()
    .range([PLOT.bottom, PLOT.top]);
  const layers = stack<Row>().keys(series.map((s) => s.key))(rows);
  const inner = scaleBand<string>()
    .domain(series.map((s) => s.key))
    .range([0, x.bandwidth()])
    .paddingInner(0.1);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} aria-describedby={descId}>
      <YAxis y={y} format={(v) => (Number.isInteger(v) ? String(v) : '')} />
      {series.map((s, i) => (
        <g key={s.key} className={s.className}>
          {rows.map((r, j) => {
            const value = r[s.key] ?? 0;
            if (value === 0) return null;
            if (mode === 'stacked') {
              const [y0, y1] = layers[i]![j]!;
              return <rect key={r.key} x={x(r.key)} width={x.bandwidth()} y={y(y1)} height={y(y0) - y(y1)} />;
            }
            return <rect key={r.key} x={x(r.key)! + inner(s.key)!} width={inner.bandwidth()} y={y(value)} height={PLOT.bottom - y(value)} />;
          })}
        </g>
      ))}
      <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} className="baseline" aria-hidden="true" />
      <XLabels x={x} keys={keys} label={label} />
    </svg>
  );
}

export function Legend({ series }: { series: { name: string; className: string; dashed?: boolean }[] }) {
  return (
    <ul className="legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.name} className={s.className}>
          <span className={s.dashed ? 'swatch-line dashed' : 'swatch-box'} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}
