/**
 * One small time-series chart. Cheap on purpose: no animation, no dots, a bounded number of
 * points, and memoised so it redraws only when its rows change.
 */
import { memo } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartRow } from './chartData.ts';
import { SparkPlot } from './SparkPlot.tsx';
import { useOneAtATime } from './oneAtATime.ts';
import { useFaultSpans } from '../faults/faultSpans.ts';
import { timeAxisFormatter } from '../faults/timeTicks.ts';
import { formatSimTime } from '../run/format.ts';
import { faultReferences } from '../faults/FaultMarks.tsx';

export interface Series {
  key: string;
  name: string;
  color: string;
  /** On a stacked chart: a dashed line on its own (e.g. goodput over ok + failed), unstacked. */
  overlay?: boolean;
  /** Whole values that jump (replicas, backends): drawn as steps, not slopes. */
  step?: boolean;
}

interface Props {
  title: string;
  rows: ChartRow[];
  series: Series[];
  unit?: string;
  stacked?: boolean;
  /** Fixed y domain, e.g. [0, 1] for ratios. */
  yMax?: number;
  /** Shown over the plot when there is no series to draw. */
  emptyNote?: string;
  /** While a run goes on: the light SVG plot instead of recharts. */
  live?: boolean;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const tickY = (v: number) => compact.format(v);
const axisStyle = { fontSize: 10, fill: '#8a93a3' };

function ChartCardInner({
  title,
  rows,
  series,
  unit = '',
  stacked = false,
  yMax,
  emptyNote,
  live = false,
}: Props) {
  const spans = useFaultSpans();
  // Full recharts chart only when not live, and one card per frame (see oneAtATime.ts).
  const full = useOneAtATime(!live);
  // Ticks in s, min or h by the span shown: a day-long run reads "6 h", not "21600s".
  const tickS = timeAxisFormatter((rows[rows.length - 1]?.t ?? 0) - (rows[0]?.t ?? 0));
  const domain: [number, number | 'auto'] = [0, yMax ?? 'auto'];
  const common = {
    data: rows,
    margin: { top: 4, right: 8, bottom: 0, left: -12 },
    // recharts makes the chart a Tab stop (arrow keys walk the points): this names it.
    title,
  };
  const axes = (
    <>
      <CartesianGrid stroke="#eef0f3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        domain={['dataMin', 'dataMax']}
        tickFormatter={tickS}
        tick={axisStyle}
        minTickGap={24}
      />
      <YAxis
        domain={domain}
        tick={axisStyle}
        tickFormatter={tickY}
        width={48}
        allowDecimals={yMax !== undefined}
      />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(t) => `t = ${formatSimTime(Number(t))}`}
        formatter={(v) => `${typeof v === 'number' ? +v.toPrecision(3) : String(v)}${unit}`}
      />
      <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
    </>
  );
  return (
    <figure className="chart-card">
      <figcaption className="chart-card__title">{title}</figcaption>
      <div className="chart-card__plot">
        {series.length === 0 && emptyNote !== undefined && (
          <p className="chart-card__note">{emptyNote}</p>
        )}
        {!full ? (
          <SparkPlot
            rows={rows}
            series={series}
            unit={unit}
            stacked={stacked}
            yMax={yMax}
            faults={spans}
          />
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {stacked ? (
              <AreaChart {...common}>
                {axes}
                {faultReferences(spans)}
                {series.map((s) => (
                  <Area
                    key={s.key}
                    dataKey={s.key}
                    name={s.name}
                    {...(s.overlay ? { strokeDasharray: '4 3' } : { stackId: '1' })}
                    stroke={s.color}
                    fill={s.color}
                    fillOpacity={s.overlay ? 0 : 0.5}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                    type="linear"
                  />
                ))}
              </AreaChart>
            ) : (
              <LineChart {...common}>
                {axes}
                {faultReferences(spans)}
                {series.map((s) => (
                  <Line
                    key={s.key}
                    dataKey={s.key}
                    name={s.name}
                    stroke={s.color}
                    strokeWidth={1.5}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                    type={s.step ? 'stepAfter' : 'linear'}
                    connectNulls={false}
                  />
                ))}
              </LineChart>
            )}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}

export const ChartCard = memo(ChartCardInner);
