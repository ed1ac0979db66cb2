/**
 * One error budget over the run: the share burned so far at each second (a line; the dashed
 * line is the whole budget, 100 %), with the fire times of the alerts on it marked. The axes
 * are labelled in HTML beside the stretched SVG (text inside it would stretch with it); the
 * caption names the fastest burn of any one timeline point, what a burn-rate alert reacts to.
 */
import { formatBudgetCounts, formatShare } from '../../analysis/objectivesText.ts';
import type { AlertEvent, BudgetPoint, BudgetReport } from '../../engine/objectives/types.ts';
import { formatSimTime } from '../run/format.ts';

const W = 320;
const H = 64;

function fastest(points: readonly BudgetPoint[]): BudgetPoint | undefined {
  let best: BudgetPoint | undefined;
  for (const p of points) if (p.burnRate > (best?.burnRate ?? 0)) best = p;
  return best;
}

const rate = (x: number): string => (Number.isFinite(x) ? `${Number(x.toPrecision(3))}×` : '∞×');

export function BudgetChart({
  id,
  points,
  report,
  durationS,
  alerts,
}: {
  id: string;
  points: readonly BudgetPoint[];
  /** The finished run's counts: the arithmetic behind the share burned. */
  report?: BudgetReport | undefined;
  durationS: number;
  alerts: readonly AlertEvent[];
}) {
  const last = points.at(-1);
  const top = Math.max(1, ...points.map((p) => (Number.isFinite(p.burned) ? p.burned : 1)));
  const x = (t: number) => (t / durationS) * W;
  const y = (v: number) => H - (Math.min(v, top) / top) * H;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.tS).toFixed(1)},${y(p.burned).toFixed(1)}`)
    .join(' ');
  const fires = alerts.filter((a) => a.objective === id && a.event === 'fire');
  const peak = fastest(points);
  const summary =
    last === undefined
      ? `Error budget of ${id}: nothing counted yet`
      : `Error budget of ${id}: ${formatShare(last.burned)} burned by ${formatSimTime(last.tS)}` +
        (peak === undefined
          ? '; no failures'
          : `; fastest burn ${rate(peak.burnRate)} the sustainable rate, at ${formatSimTime(peak.tS)}`);
  return (
    <figure className="budget-chart">
      <figcaption>{summary}</figcaption>
      {report !== undefined && (
        <p className="budget-chart__counts">
          {formatBudgetCounts(report)}: {formatShare(report.burned)} burned
        </p>
      )}
      <div className="budget-chart__plot">
        <span className="budget-chart__y budget-chart__y--top" aria-hidden="true">
          {/* Not when it would sit on the 100 % label. */}
          {y(1) > 14 ? formatShare(top) : ''}
        </span>
        <span
          className="budget-chart__y"
          style={{ top: `${(y(1) / H) * 100}%` }}
          aria-hidden="true"
        >
          100 %
        </span>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          height={H}
          role="img"
          aria-label={`${summary}; ${fires.length} alert${fires.length === 1 ? '' : 's'} fired`}
          preserveAspectRatio="none"
        >
          <line className="budget-chart__full" x1={0} x2={W} y1={y(1)} y2={y(1)} />
          {fires.map((a, i) => (
            <line key={i} className="budget-chart__alert" x1={x(a.tS)} x2={x(a.tS)} y1={0} y2={H}>
              <title>{`${a.alert}${a.pair ? ` (${a.pair})` : ''} fired at ${a.tS} s`}</title>
            </line>
          ))}
          <path className="budget-chart__burned" d={line} />
        </svg>
      </div>
      <div className="budget-chart__x" aria-hidden="true">
        <span>0 s</span>
        <span>{formatSimTime(durationS)}</span>
      </div>
    </figure>
  );
}
