/**
 * One error budget over the run: the share burned so far at each second (a line; the dashed
 * line is the whole budget, 100 %), with the fire times of the alerts on it marked.
 */
import { formatShare } from '../../analysis/objectivesText.ts';
import type { AlertEvent, BudgetPoint } from '../../engine/objectives/types.ts';

const W = 320;
const H = 64;

export function BudgetChart({
  id,
  points,
  durationS,
  alerts,
}: {
  id: string;
  points: readonly BudgetPoint[];
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
  const summary =
    last === undefined
      ? `Error budget of ${id}: nothing counted yet`
      : `Error budget of ${id}: ${formatShare(last.burned)} burned by ${last.tS} s`;
  return (
    <figure className="budget-chart">
      <figcaption>{summary}</figcaption>
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
    </figure>
  );
}
