import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { labelStep, PLOT } from './chart-frame';

/** Horizontal grid lines and their values at the left. */
export function YAxis({ y, format = String, ticks = 4 }: { y: ScaleLinear<number, number>; format?: (n: number) => string; ticks?: number }) {
  return (
    <g className="axis" aria-hidden="true">
      {y.ticks(ticks).map((v) => (
        <g key={v}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={PLOT.left - 4} y={y(v)} dy="0.32em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Bucket names under the bars, thinned so they never collide. */
export function XLabels({ x, keys, label }: { x: ScaleBand<number>; keys: number[]; label: (k: number) => string }) {
  const step = labelStep(keys.length);
  return (
    <g className="axis" aria-hidden="true">
      {keys.map((k, i) =>
        i % step === 0 ? (
          <text key={k} x={x(k)! + x.bandwidth() / 2} y={PLOT.bottom + 15} textAnchor="middle">
            {label(k)}
          </text>
        ) : null,
      )}
    </g>
  );
}
