/** p99 over time, A and B overlaid: both runs saw the same arrivals, so gaps are the design's. */
import { formatDuration } from '../run/format.ts';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axis } from './chartStyle.ts';
import type { TimelinePoint } from '../../engine/types.ts';

interface Props {
  a: readonly TimelinePoint[];
  b: readonly TimelinePoint[];
}

export function mergeTimelines(a: readonly TimelinePoint[], b: readonly TimelinePoint[]) {
  const rows = new Map<number, { tS: number; a?: number; b?: number }>();
  for (const p of a) rows.set(p.tS, { tS: p.tS, a: p.latencyMs.p99 });
  for (const p of b) rows.set(p.tS, { ...(rows.get(p.tS) ?? { tS: p.tS }), b: p.latencyMs.p99 });
  return [...rows.values()].sort((x, y) => x.tS - y.tS);
}

export function CompareChart({ a, b }: Props) {
  const data = mergeTimelines(a, b);
  return (
    <figure className="an-chart" aria-label="p99 latency over time, A and B">
      <figcaption>p99 latency over time (ms)</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart
          data={data}
          margin={{ top: 6, right: 16, bottom: 4, left: 0 }}
          title="p99 latency over time, A and B"
        >
          <CartesianGrid stroke="#eef0f3" />
          <XAxis dataKey="tS" type="number" tick={axis} unit=" s" domain={['dataMin', 'dataMax']} />
          <YAxis tick={axis} width={48} />
          <Tooltip
            formatter={(v) => formatDuration(Number(v))}
            labelFormatter={(t) => `t = ${Number(t)} s`}
          />
          <Legend />
          <Line dataKey="a" name="p99 A" stroke="#3b6cf6" dot={false} isAnimationActive={false} />
          <Line dataKey="b" name="p99 B" stroke="#f06543" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
