import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { WIDTH } from './chart-frame';

export interface HBar {
  label: string;
  value: number;
  /** What is written at the bar's end ("12", "40%"). */
  text: string;
  className?: string;
}

const ROW = 30;
const LABEL = 12; // the name sits above its bar, so long names never collide at 360 px
const BAR = 12;

/** One horizontal bar per row, the name above it and the value at its end. */
export function HBars({ rows, titleId, descId, domainMax }: { rows: HBar[]; titleId: string; descId: string; domainMax?: number }) {
  const height = rows.length * ROW + 4;
  const x = scaleLinear()
    .domain([0, Math.max(domainMax ?? max(rows, (r) => r.value) ?? 0, 1)])
    .range([0, WIDTH - 48]);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={titleId} aria-describedby={descId}>
      {rows.map((r, i) => {
        const top = i * ROW;
        return (
          <g key={r.label} className={r.className ?? 'bar-accent'}>
            <text x={0} y={top + LABEL - 2} className="bar-label">
              {r.label}
            </text>
            <rect x={0} y={top + LABEL} width={Math.max(x(r.value), r.value > 0 ? 2 : 0)} height={BAR} rx={2} />
            <text x={x(r.value) + 4} y={top + LABEL + BAR - 2} className="bar-value">
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
