/**
 * Fault start and end drawn on the charts, in the fault's colour, so an effect lines up with its
 * cause: recharts reference areas and lines on the full charts, plain SVG on the live plot.
 */
import { ReferenceArea, ReferenceLine } from 'recharts';
import type { FaultSpan } from './faultSpans.ts';

/** Children for a recharts chart (an array, so they sit directly in the chart). */
export function faultReferences(spans: readonly FaultSpan[]) {
  return spans.flatMap((s) => [
    s.endS > s.startS ? (
      <ReferenceArea
        key={`a${s.key}`}
        className="fault-marker fault-marker--area"
        x1={s.startS}
        x2={s.endS}
        fill={s.color}
        fillOpacity={0.1}
        ifOverflow="hidden"
      />
    ) : null,
    <ReferenceLine
      key={`s${s.key}`}
      className="fault-marker fault-marker--start"
      x={s.startS}
      stroke={s.color}
      strokeDasharray="3 2"
      ifOverflow="hidden"
    />,
    s.endS > s.startS ? (
      <ReferenceLine
        key={`e${s.key}`}
        className="fault-marker fault-marker--end"
        x={s.endS}
        stroke={s.color}
        strokeOpacity={0.6}
        ifOverflow="hidden"
      />
    ) : null,
  ]);
}

interface SparkProps {
  spans: readonly FaultSpan[];
  firstS: number;
  lastS: number;
  width: number;
  height: number;
}

/** The same marks in the live plot's own coordinates (x from firstS to lastS over width). */
export function SparkFaultMarks({ spans, firstS, lastS, width, height }: SparkProps) {
  const span = Math.max(lastS - firstS, 1e-9);
  const x = (t: number) => ((Math.min(Math.max(t, firstS), lastS) - firstS) / span) * width;
  return (
    <g className="fault-marks">
      {spans
        .filter((s) => s.startS <= lastS && s.endS >= firstS)
        .map((s) => (
          <g key={s.key} className="fault-marker">
            <title>{s.label}</title>
            <rect
              x={x(s.startS)}
              width={Math.max(x(s.endS) - x(s.startS), 0)}
              y={0}
              height={height}
              fill={s.color}
              fillOpacity={0.1}
            />
            {s.startS >= firstS && (
              <line
                x1={x(s.startS)}
                x2={x(s.startS)}
                y1={0}
                y2={height}
                stroke={s.color}
                strokeDasharray="3 2"
                vectorEffect="non-scaling-stroke"
              />
            )}
          </g>
        ))}
    </g>
  );
}
