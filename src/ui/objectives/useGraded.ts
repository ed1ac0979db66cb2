/**
 * The objectives as graded now: from the run's results once it has ended (the same grading as
 * `npm run sim -- FILE --check`), else from the live figures so far; and the alerts and error
 * budgets of the run, live or final.
 */
import { useMemo } from 'react';
import { grade, gradeValue } from '../../analysis/objectives.ts';
import type {
  AlertEvent,
  BudgetPoint,
  BudgetReport,
  GradedObjective,
} from '../../engine/objectives/types.ts';
import { useAppStore } from '../../store/index.ts';
import { useLiveObjectives } from './liveObjectives.ts';

export interface GradedNow {
  graded: GradedObjective[];
  /** True when graded from the finished run's results. */
  final: boolean;
  /** False before anything was measured. */
  measured: boolean;
  alerts: AlertEvent[];
  budgets: Record<string, BudgetPoint[]>;
  /** The finished run's budgets with their counts (none while running: frames carry points). */
  reports: Record<string, BudgetReport>;
}

export function useGraded(): GradedNow {
  const doc = useAppStore((s) => s.doc);
  const result = useAppStore((s) => s.runResult);
  const sofar = useLiveObjectives((s) => s.sofar);
  const liveAlerts = useLiveObjectives((s) => s.alerts);
  const liveBudgets = useLiveObjectives((s) => s.budgets);
  return useMemo(() => {
    const objectives = doc.objectives ?? [];
    if (result !== null) {
      const budgets: Record<string, BudgetPoint[]> = {};
      for (const [id, b] of Object.entries(result.budgets ?? {})) budgets[id] = b.series;
      return {
        graded: grade(objectives, result, doc),
        final: true,
        measured: true,
        alerts: result.alerts ?? [],
        budgets,
        reports: result.budgets ?? {},
      };
    }
    return {
      graded: objectives.map((o) => gradeValue(o, sofar[o.id] ?? null)),
      final: false,
      measured: Object.keys(sofar).length > 0,
      alerts: liveAlerts,
      budgets: liveBudgets,
      reports: {},
    };
  }, [doc, result, sofar, liveAlerts, liveBudgets]);
}

/** Alerts firing at the end of the list: fired or escalated and not resolved since. */
export function firingNow(alerts: readonly AlertEvent[]): AlertEvent[] {
  const last = new Map<string, AlertEvent>();
  for (const a of alerts) last.set(`${a.alert}/${a.pair ?? ''}`, a);
  return [...last.values()].filter((a) => a.event !== 'resolve');
}
