/**
 * A small picture of a load-dependent service time: the factor service times are multiplied
 * by, against the load it is read from, drawn from the model's own formula (`loadFactor`), so
 * what the inspector shows is what the engine does. Plain SVG: no chart library for one line.
 */
import {
  loadAxis,
  loadDependenceSchema,
  loadFactor,
  loadFormula,
} from '../../model/kinds/loadDependence.ts';

const W = 260;
const H = 96;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };
const STEPS = 60;

const short = (x: number) => (x >= 100 ? x.toFixed(0) : +x.toPrecision(2)).toString();

export function LoadCurvePlot({ value }: { value: unknown }) {
  const parsed = loadDependenceSchema.safeParse(value);
  if (!parsed.success) return null;
  const ld = parsed.data;
  const axis = loadAxis(ld);
  const points = Array.from({ length: STEPS + 1 }, (_, i) => {
    const x = (axis.max * i) / STEPS;
    return [x, loadFactor(ld, x)] as const;
  });
  const top = Math.max(2, ...points.map(([, y]) => y));
  const px = (x: number) => PAD.left + (x / axis.max) * (W - PAD.left - PAD.right);
  const py = (y: number) => H - PAD.bottom - ((y - 1) / (top - 1)) * (H - PAD.top - PAD.bottom);
  const d = points
    .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x).toFixed(1)} ${py(y).toFixed(1)}`)
    .join('');
  const end = points[STEPS]![1];
  const name = `Service time × (${loadFormula(ld)}): ×1 with no other load, ×${short(end)} at ${axis.label} = ${short(axis.max)}`;
  return (
    <figure className="load-curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={name}>
        <line
          className="load-curve__axis"
          x1={PAD.left}
          y1={H - PAD.bottom}
          x2={W - PAD.right}
          y2={H - PAD.bottom}
        />
        <line
          className="load-curve__axis"
          x1={PAD.left}
          y1={PAD.top}
          x2={PAD.left}
          y2={H - PAD.bottom}
        />
        <text
          className="load-curve__tick"
          x={PAD.left - 4}
          y={py(1)}
          textAnchor="end"
          dominantBaseline="middle"
        >
          ×1
        </text>
        <text
          className="load-curve__tick"
          x={PAD.left - 4}
          y={py(top)}
          textAnchor="end"
          dominantBaseline="middle"
        >
          ×{short(top)}
        </text>
        <text className="load-curve__tick" x={PAD.left} y={H - 6}>
          0
        </text>
        <text className="load-curve__tick" x={W - PAD.right} y={H - 6} textAnchor="end">
          {short(axis.max)}
        </text>
        <text
          className="load-curve__tick"
          x={(PAD.left + W - PAD.right) / 2}
          y={H - 6}
          textAnchor="middle"
        >
          {axis.label}
        </text>
        <path className="load-curve__line" d={d} />
      </svg>
      <figcaption className="field__help">
        Service time × ({loadFormula(ld)}): ×{short(end)} at {axis.label} = {short(axis.max)}.
      </figcaption>
    </figure>
  );
}
