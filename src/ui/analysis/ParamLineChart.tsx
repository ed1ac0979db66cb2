/**
 * One param swept: p50 and p99 (left, ms) and the cost per hour (right) against the param's
 * value; the values that meet the SLO are shaded (the pass region), the SLO is a dashed line.
 */
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axis, line } from './chartStyle.ts';
import type { ParamSweepAnalysis } from '../../analysis/paramSweepAnalysis.ts';
import { passGoal, passRuns } from './paramSweepView.ts';

export function ParamLineChart({ a }: { a: ParamSweepAnalysis }) {
  const ax = a.axes[0]!;
  const rows = a.points.map((p) => ({
    x: p.values[0]!,
    p50: p.p50Ms,
    p99: p.p99Ms,
    cost: p.costPerHour,
  }));
  const title = `Latency (ms, left) and cost ($/h, right) against ${ax.label}`;
  return (
    <figure className="an-chart" aria-label={`Latency and cost against ${ax.label}`}>
      <figcaption>
        {title}; shaded: meets {passGoal(a)}
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 14, right: 8, bottom: 4, left: 0 }} title={title}>
          <CartesianGrid stroke="#eef0f3" />
          {passRuns(a).map(([from, to]) => (
            <ReferenceArea
              key={from}
              yAxisId="ms"
              x1={from}
              x2={to}
              fill="#1f9d55"
              fillOpacity={0.1}
              ifOverflow="hidden"
            />
          ))}
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={!ax.integer}
            {...(ax.values.length <= 12 && { ticks: ax.values })}
            tick={axis}
            unit={ax.unit ? ` ${ax.unit}` : ''}
          />
          {/* An overloaded point reaches seconds: the axis stops at 5 × the SLO. */}
          <YAxis
            yAxisId="ms"
            tick={axis}
            width={52}
            allowDataOverflow
            domain={[0, (max: number) => Math.ceil(Math.min(max, a.sloP99Ms * 5))]}
          />
          <YAxis yAxisId="cost" orientation="right" tick={axis} width={52} />
          <Tooltip
            formatter={(v, name) => [
              name === 'cost $/h' ? `$${Number(v).toFixed(3)}` : `${Number(v).toFixed(1)} ms`,
              name,
            ]}
            labelFormatter={(x) => `${ax.label} = ${Number(x)}`}
          />
          <Legend />
          <Line yAxisId="ms" dataKey="p50" name="p50 ms" stroke="#1f9d55" {...line} />
          <Line yAxisId="ms" dataKey="p99" name="p99 ms" stroke="#d64545" {...line} />
          <Line
            yAxisId="cost"
            dataKey="cost"
            name="cost $/h"
            stroke="#3b6cf6"
            strokeDasharray="5 3"
            {...line}
          />
          <ReferenceLine
            yAxisId="ms"
            y={a.sloP99Ms}
            stroke="#d64545"
            strokeDasharray="2 4"
            label={{ value: `SLO ${a.sloP99Ms} ms`, position: 'insideTopLeft', fontSize: 11 }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
