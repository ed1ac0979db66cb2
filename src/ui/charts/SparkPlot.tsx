/**
 * The chart body drawn while a run goes on: plain SVG paths, one per series, no axes machinery.
 * Building a few path strings from ≤ 150 points costs microseconds, where a recharts chart costs
 * tens of milliseconds; the full recharts chart (axes, tooltip) is drawn when the run pauses.
 */
import { memo } from 'react';
import type { ChartRow } from './chartData.ts';
import type { Series } from './ChartCard.tsx';
import type { FaultSpan } from '../faults/faultSpans.ts';
import { SparkFaultMarks } from '../faults/FaultMarks.tsx';
import { formatTimeRange } from '../faults/timeTicks.ts';

const W = 1000;
const H = 100;

interface Props {
  rows: ChartRow[];
  series: Series[];
  unit: string;
  stacked: boolean;
  yMax?: number | undefined;
  /** Fault start and end marks, drawn under the lines. */
  faults?: readonly FaultSpan[];
}

const fmt = (v: number) => (v >= 100 ? Math.round(v).toString() : +v.toPrecision(2) + '');

function SparkPlotInner({ rows, series, unit, stacked, yMax, faults = [] }: Props) {
  const first = rows[0]?.['t'] ?? 0;
  const last = rows.at(-1)?.['t'] ?? 1;
  const span = Math.max(last - first, 1e-9);
  // Stacked series draw on the running sum of the ones before them.
  const tops = rows.map(() => 0);
  const lines = series.map((s) => {
    const ys = rows.map((r, i) => {
      const v = r[s.key];
      if (v === undefined) return undefined;
      if (!stacked || s.overlay) return v;
      tops[i] = (tops[i] ?? 0) + v;
      return tops[i];
    });
    return { s, ys };
  });
  let top = yMax ?? 0;
  if (yMax === undefined)
    for (const { ys } of lines) for (const y of ys) if (y !== undefined && y > top) top = y;
  top = top > 0 ? top * (yMax === undefined ? 1.1 : 1) : 1;
  const x = (i: number) => (((rows[i]?.['t'] ?? first) - first) / span) * W;
  const y = (v: number) => H - (v / top) * H;
  // A step series holds each value until the next point, then jumps (H then V).
  const path = (ys: Array<number | undefined>, step: boolean) => {
    let d = '';
    let pen = false;
    ys.forEach((v, i) => {
      if (v === undefined) return void (pen = false);
      const px = x(i).toFixed(1);
      const py = y(v).toFixed(2);
      d += !pen ? `M${px} ${py}` : step ? `H${px}V${py}` : `L${px} ${py}`;
      pen = true;
    });
    return d;
  };
  return (
    <div className="spark">
      <svg
        className="spark__svg"
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={series.map((s) => s.name).join(', ')}
      >
        <SparkFaultMarks spans={faults} firstS={first} lastS={last} width={W} height={H} />
        {lines.map(({ s, ys }) => (
          <path
            key={s.key}
            data-series={s.key}
            d={path(ys, s.step === true)}
            fill="none"
            stroke={s.color}
            strokeWidth={1.5}
            {...(s.overlay ? { strokeDasharray: '4 3' } : {})}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <span className="spark__top">
        {fmt(top)}
        {unit}
      </span>
      <span className="spark__range">{formatTimeRange(first, last)}</span>
      <ul className="spark__legend">
        {series.map((s) => (
          <li key={s.key} style={{ color: s.color }} title={s.name}>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const SparkPlot = memo(SparkPlotInner);
