/**
 * Cross-field checks of objectives and alerts: ids unique, a node that exists, an alert that
 * watches an objective it can, an automated response its target can take (the same checks as
 * the document's actions).
 */
import { checkActions } from './actionChecks.ts';
import { objectiveClassNames } from './classRefs.ts';
import type { CheckError } from './graphChecks.ts';
import { isBudgetMetric, OBJECTIVE_METRICS } from './objectiveMetrics.ts';
import { closest } from './closest.ts';
import type { Action, Scenario } from './types.ts';

const didYouMean = (id: string, ids: Iterable<string>): string => {
  const near = closest(id, ids);
  return near ? `; did you mean "${near}"?` : '';
};

export function checkObjectives(s: Scenario, warnings: string[]): CheckError | null {
  const nodeIds = s.nodes.map((n) => n.id);
  const classes = objectiveClassNames(s);
  const seen = new Set<string>();
  const counted = s.durationS - s.warmupS;
  for (const [i, o] of (s.objectives ?? []).entries()) {
    const p = `objectives[${i}]`;
    if (seen.has(o.id))
      return { path: `${p}.id`, message: `"${o.id}" is used by another objective` };
    seen.add(o.id);
    if (o.node !== undefined && !nodeIds.includes(o.node)) {
      return {
        path: `${p}.node`,
        message: `no node has the id "${o.node}"${didYouMean(o.node, nodeIds)}`,
      };
    }
    if (o.class !== undefined && !classes.includes(o.class)) {
      const sent =
        classes.length > 0
          ? `the classes are ${classes.map((c) => `"${c}"`).join(', ')}`
          : 'no client has "classes"';
      return {
        path: `${p}.class`,
        message: `no client sends the class "${o.class}"${didYouMean(o.class, classes)} (${sent})`,
      };
    }
    if (o.windowS !== undefined && o.windowS > counted) {
      warnings.push(
        `${p}.windowS: ${o.windowS} s is longer than the counted run (${counted} s); graded over the whole run`,
      );
    }
    const better = OBJECTIVE_METRICS[o.metric].better;
    if (
      (better === 'lower' && o.max === undefined) ||
      (better === 'higher' && o.min === undefined)
    ) {
      warnings.push(
        `${p}: ${o.metric} is better ${better}; a "${better === 'lower' ? 'max' : 'min'}" is the usual target`,
      );
    }
  }
  if (s.challenge !== undefined && (s.objectives ?? []).length === 0) {
    return {
      path: 'challenge',
      message: 'a challenge is graded by "objectives": add at least one',
    };
  }
  return checkAlerts(s, warnings);
}

function checkAlerts(s: Scenario, warnings: string[]): CheckError | null {
  const objectives = new Map((s.objectives ?? []).map((o) => [o.id, o]));
  const seen = new Set<string>();
  for (const [i, a] of (s.alerts ?? []).entries()) {
    const p = `alerts[${i}]`;
    if (seen.has(a.id)) return { path: `${p}.id`, message: `"${a.id}" is used by another alert` };
    seen.add(a.id);
    const o = objectives.get(a.objective);
    if (o === undefined) {
      return {
        path: `${p}.objective`,
        message: `no objective has the id "${a.objective}"${didYouMean(a.objective, objectives.keys())}`,
      };
    }
    if (a.kind === 'burnRate' && !isBudgetMetric(o.metric)) {
      return {
        path: `${p}.kind`,
        message: `"burnRate" watches an error budget: its objective must be on availability or errorRate, not ${o.metric}`,
      };
    }
    if (a.then !== undefined) {
      const problem = checkResponse(s, i, a.then as Omit<Action, 'atS'>, warnings);
      if (problem) return problem;
    }
  }
  return null;
}

/** The response checked as an action at 0 s; its messages re-pathed to `alerts[i].then`. */
function checkResponse(
  s: Scenario,
  i: number,
  then: Omit<Action, 'atS'>,
  warnings: string[],
): CheckError | null {
  const alone = { ...s, actions: [...(s.actions ?? []), { ...then, atS: 0 } as Action] };
  const index = alone.actions.length - 1;
  const own: string[] = [];
  const problem = checkActions(alone, own);
  const prefix = `actions[${index}]`;
  const repath = (text: string): string => text.replace(prefix, `alerts[${i}].then`);
  for (const w of own) if (w.startsWith(prefix)) warnings.push(repath(w));
  if (problem === null) return null;
  return { path: repath(problem.path), message: problem.message };
}
