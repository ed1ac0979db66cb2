/**
 * The scorecard: each objective met or missed with its value and margin, live while the run goes
 * and from the results once it ends; the alerts fired with their reasons; the error budgets
 * over time; and, for a challenge, its goal, hints and the result kept in this browser.
 */
import {
  formatMargin,
  formatMetricValue,
  formatTarget,
  objectiveTitle,
} from '../../analysis/objectivesText.ts';
import type { GradedObjective } from '../../engine/objectives/types.ts';
import { AlertList } from './AlertList.tsx';
import { BudgetChart } from './BudgetChart.tsx';
import type { GradedNow } from './useGraded.ts';

function Row({ g, measured }: { g: GradedObjective; measured: boolean }) {
  const state = !measured ? 'pending' : g.met ? 'met' : 'missed';
  return (
    <li className={`scorecard__row is-${state}`}>
      <span className="scorecard__mark" aria-hidden="true">
        {state === 'pending' ? '·' : g.met ? '✓' : '✗'}
      </span>
      <span className="scorecard__what">
        <strong>{g.label ?? g.id}</strong> {objectiveTitle(g)}
        <span className="visually-hidden">
          : {state === 'pending' ? 'not measured yet' : state}
        </span>
      </span>
      <span className="scorecard__value">{formatMetricValue(g.metric, g.value)}</span>
      <span className="scorecard__target">
        target {formatTarget(g)}
        {measured && ` · ${formatMargin(g)}`}
      </span>
    </li>
  );
}

export function Scorecard({ now, durationS }: { now: GradedNow; durationS: number }) {
  const { graded, measured, final } = now;
  return (
    <div className="scorecard">
      <p className="scorecard__when">
        {final
          ? 'Whole run after warm-up, as `npm run sim -- FILE --check` grades it.'
          : measured
            ? 'So far, over the counted part of the run (windowed objectives: worst window so far).'
            : 'Run the scenario to grade it.'}
      </p>
      <ul className="scorecard__rows" aria-label="Objectives">
        {graded.map((g) => (
          <Row key={g.id} g={g} measured={measured} />
        ))}
      </ul>
      {Object.entries(now.budgets).map(([id, points]) => (
        <BudgetChart
          key={id}
          id={id}
          points={points}
          report={now.reports[id]}
          durationS={durationS}
          alerts={now.alerts}
        />
      ))}
      <AlertList alerts={now.alerts} />
    </div>
  );
}
