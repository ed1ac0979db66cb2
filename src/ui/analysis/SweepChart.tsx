/** Latency percentiles (left axis) and goodput (right axis) against offered load. */
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
import type { SweepReport } from './sweepReport.ts';

export function SweepChart({ report, sloP99Ms }: { report: SweepReport; sloP99Ms: number }) {
  const { knee, capacityAtSlo } = report.analysis;
  return (
    <figure className="an-chart" aria-label="Latency and goodput against offered load">
      <figcaption>
        Latency (ms, left) and goodput (rps, right) against offered load (rps); shaded: the loads
        that pass, {report.passLabel}
      </figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart
          data={report.rows}
          margin={{ top: 14, right: 8, bottom: 4, left: 0 }}
          title="Latency and goodput against offered load"
        >
          <CartesianGrid stroke="#eef0f3" />
          {/* The pass region: the loads at which the point passes (objectives, else the SLO). */}
          {report.passRanges.map(([x1, x2]) => (
            <ReferenceArea
              key={x1}
              yAxisId="ms"
              x1={x1}
              x2={x2}
              fill="#1f9d55"
              fillOpacity={0.1}
              ifOverflow="extendDomain"
              label={{ value: 'pass', position: 'insideTopLeft', fontSize: 11, fill: '#1f9d55' }}
            />
          ))}
          <XAxis
            dataKey="offeredRps"
            type="number"
            domain={['dataMin', 'dataMax']}
            tick={axis}
            tickFormatter={(v: number) => Math.round(v).toLocaleString('en-US')}
          />
          {/* Overloaded points can reach seconds: the axis stops at 5 × the SLO so the knee stays readable. */}
          <YAxis
            yAxisId="ms"
            tick={axis}
            width={52}
            allowDataOverflow
            domain={[0, (max: number) => Math.ceil(Math.min(max, sloP99Ms * 5))]}
          />
          <YAxis yAxisId="rps" orientation="right" tick={axis} width={52} />
          <Tooltip
            formatter={(v, name) => [Number(v).toFixed(1), name]}
            labelFormatter={(x) => `${Math.round(Number(x))} rps offered`}
          />
          <Legend />
          <Line yAxisId="ms" dataKey="p50" name="p50 ms" stroke="#1f9d55" {...line} />
          <Line yAxisId="ms" dataKey="p95" name="p95 ms" stroke="#e08a00" {...line} />
          <Line yAxisId="ms" dataKey="p99" name="p99 ms" stroke="#d64545" {...line} />
          <Line
            yAxisId="rps"
            dataKey="goodput"
            name="goodput rps"
            stroke="#3b6cf6"
            strokeDasharray="5 3"
            {...line}
          />
          {report.passBy === 'slo' && (
            <ReferenceLine
              yAxisId="ms"
              y={sloP99Ms}
              stroke="#d64545"
              strokeDasharray="2 4"
              label={{ value: `SLO ${sloP99Ms} ms`, position: 'insideTopRight', fontSize: 11 }}
            />
          )}
          {knee && (
            <ReferenceLine
              yAxisId="ms"
              x={knee.offeredRps}
              stroke="#7c5cff"
              label={{ value: 'knee', position: 'top', fontSize: 11 }}
            />
          )}
          {/* The SLO's capacity; with objectives, the shaded region says it instead. */}
          {report.passBy === 'slo' && capacityAtSlo.offeredRps !== null && (
            <ReferenceLine
              yAxisId="ms"
              x={capacityAtSlo.offeredRps}
              stroke="#0ea5a4"
              strokeDasharray="6 3"
              label={{ value: 'capacity', position: 'insideTopRight', fontSize: 11 }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
