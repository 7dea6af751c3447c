import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { HEIGHT, PLOT, WIDTH } from './chart-frame';
import { XLabels, YAxis } from './Axes';

export interface TrendSeries {
  name: string;
  className: string;
  dashed?: boolean;
  /** One value per bucket, null where there is none (the line breaks there). */
  values: (number | null)[];
}

const HOUR = 3_600_000;

/** Durations as lines over buckets: in hours, or in minutes when everything is under two hours. */
export function Trend({
  keys,
  series,
  label,
  titleId,
  descId,
}: {
  keys: number[];
  series: TrendSeries[];
  label: (key: number) => string;
  titleId: string;
  descId: string;
}) {
  const x = scaleBand<number>().domain(keys).range([PLOT.left, PLOT.right]).paddingInner(0.2).paddingOuter(0.1);
  const top = max(series, (s) => max(s.values, (v) => v ?? 0)) ?? 0;
  const unit = top < 2 * HOUR ? { ms: 60_000, suffix: 'm' } : { ms: HOUR, suffix: 'h' };
  const y = scaleLinear()
    .domain([0, Math.max(top / unit.ms, 1)])
    .nice()
    .range([PLOT.bottom, PLOT.top]);
  const cx = (i: number) => x(keys[i]!)! + x.bandwidth() / 2;
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => cx(i))
    .y((v) => y(v! / unit.ms));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} aria-describedby={descId}>
      <YAxis y={y} format={(v) => `${v}${unit.suffix}`} />
      {series.map((s) => (
        <g key={s.name} className={`trend ${s.className}${s.dashed ? ' dashed' : ''}`}>
          <path d={path(s.values) ?? ''} />
          {/* A lone point between gaps draws no line: a dot keeps it visible. */}
          {s.values.map((v, i) => (v === null ? null : <circle key={keys[i]} cx={cx(i)} cy={y(v / unit.ms)} r={2.5} />))}
        </g>
      ))}
      <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} className="baseline" aria-hidden="true" />
      <XLabels x={x} keys={keys} label={label} />
    </svg>
  );
}
