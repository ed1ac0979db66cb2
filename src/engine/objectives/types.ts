/**
 * What the objectives add to a run's results (`SimResult`): the alerts fired and resolved, the
 * error budgets over time, the worst graded window; and, after grading
 * (src/analysis/objectives.ts), each objective met or missed.
 */
import type { AlertKind, AlertResponse, ObjectiveMetric, Severity } from '../../model/types.ts';

export interface AlertEvent {
  /** Simulated time of the timeline point's close at which it happened. */
  tS: number;
  /** The alert rule's id. */
  alert: string;
  /** burnRate: which window pair ("fast", "slow", "budget" or the pair's own name). */
  pair?: string;
  objective: string;
  kind: AlertKind;
  event: 'fire' | 'resolve' | 'escalate';
  severity: Severity;
  /** 1 when fired; each escalation adds one. */
  level: number;
  /** The figure that decided (a window's metric, a burn rate, a z-score, a forecast). */
  value: number | null;
  reason: string;
  /** The automated response taken (on a fire). */
  action?: AlertResponse;
}

/** One timeline point of an error budget. */
export interface BudgetPoint {
  tS: number;
  /** Share of the budget burned so far: failed ÷ ((1 − target) × counted requests so far). */
  burned: number;
  /** The point's own burn rate: its failure share ÷ the budget's (1 = exactly on budget). */
  burnRate: number;
}

export interface BudgetReport {
  objective: string;
  /** The share of requests allowed to fail: 1 − availability target, or the error-rate target. */
  allowedShare: number;
  total: number;
  failed: number;
  /** Allowed failures: allowedShare × total. */
  allowed: number;
  /** failed ÷ allowed (above 1: overspent). */
  burned: number;
  series: BudgetPoint[];
}

/** The worst of an objective's graded windows (`windowS`). */
export interface WindowedValue {
  value: number | null;
  /** The end of the worst window. */
  atS: number | null;
  windows: number;
}

/** One objective graded against a run: the shape of the headless JSON's `objectives`. */
export interface GradedObjective {
  id: string;
  metric: ObjectiveMetric;
  node?: string;
  /** Only this request class's requests. */
  class?: string;
  target: { min?: number; max?: number };
  /** The measured figure (null: nothing to measure, e.g. no ok answers); missed when null. */
  value: number | null;
  met: boolean;
  /** How far inside the target (positive, met) or outside it (negative), in the metric's unit. */
  margin: number | null;
  windowS?: number;
  /** windowS: the end of the worst window. */
  worstAtS?: number;
  label?: string;
}

/** What the live page receives with each frame: what happened since the last one. */
export interface ObjectivesFrame {
  alerts: AlertEvent[];
  budgets: Record<string, BudgetPoint[]>;
  /** Each objective measured over the counted run so far (windowS: the worst window so far). */
  sofar: Record<string, number | null>;
}
