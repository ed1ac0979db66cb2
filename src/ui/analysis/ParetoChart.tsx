/** Cost per hour against p99 for every point; the frontier (no point beats it on both) joined. */
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axis } from './chartStyle.ts';
import type { ParamSweepAnalysis } from '../../analysis/paramSweepAnalysis.ts';

export function ParetoChart({ a }: { a: ParamSweepAnalysis }) {
  const at = (i: number) => {
    const p = a.points[i]!;
    return { cost: p.costPerHour, p99: p.p99Ms, label: p.values.join(' × ') };
  };
  const all = a.points.map((_, i) => at(i));
  const frontier = a.pareto.map(at);
  return (
    <figure className="an-chart" aria-label="Cost against p99: the Pareto frontier">
      <figcaption>
        p99 (ms) against cost ($/h): every point, and the frontier no other point beats on both
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart margin={{ top: 14, right: 16, bottom: 4, left: 0 }} title="Pareto frontier">
          <CartesianGrid stroke="#eef0f3" />
          <XAxis
            dataKey="cost"
            type="number"
            domain={['dataMin', 'dataMax']}
            tick={axis}
            tickFormatter={(v: number) => `$${v.toFixed(2)}`}
          />
          <YAxis
            dataKey="p99"
            type="number"
            tick={axis}
            width={52}
            allowDataOverflow
            domain={[0, (max: number) => Math.ceil(Math.min(max, a.sloP99Ms * 5))]}
          />
          <Tooltip
            formatter={(v, name) => [
              name === 'cost' ? `$${Number(v).toFixed(3)}/h` : `${Number(v).toFixed(1)} ms`,
              name,
            ]}
          />
          <Legend />
          <Scatter data={all} name="points" fill="#9aa3b2" isAnimationActive={false} />
          <Line
            data={frontier}
            dataKey="p99"
            name="frontier"
            stroke="#3b6cf6"
            dot={{ r: 3 }}
            isAnimationActive={false}
            type="linear"
          />
          <ReferenceLine y={a.sloP99Ms} stroke="#d64545" strokeDasharray="2 4" />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
