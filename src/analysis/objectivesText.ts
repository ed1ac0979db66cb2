/**
 * Objectives as text, the same on the page and in the terminal: values in their metric's unit
 * (from the metric table, src/model/objectiveMetrics.ts), targets, margins, met or missed.
 */
import type { BudgetReport, GradedObjective } from '../engine/objectives/types.ts';
import { OBJECTIVE_METRICS, type ObjectiveMetric } from '../model/objectiveMetrics.ts';
import { formatDuration, formatRate } from '../ui/run/format.ts';

const NONE = '–';

/**
 * A share as a percentage with the digits that tell it from its neighbours: 99.95 % is not
 * rounded to 100 %, 0.012 % not to 0 %. Two significant digits of the distance to 0 or 1.
 */
export function formatShare(x: number): string {
  if (!Number.isFinite(x)) return NONE;
  if (x <= 0 || x >= 1) return `${Number((x * 100).toPrecision(4))} %`;
  const gap = Math.min(x, 1 - x) * 100;
  const decimals = Math.min(6, Math.max(1, 1 - Math.floor(Math.log10(gap))));
  return `${Number((x * 100).toFixed(decimals))} %`;
}

/** A value of `metric` in its unit: 142 ms, 99.95 %, 580 rps, $1.25/h. */
export function formatMetricValue(metric: ObjectiveMetric, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return NONE;
  switch (OBJECTIVE_METRICS[metric].unit) {
    case 'ms':
      return formatDuration(v);
    case 'ratio':
      return formatShare(v);
    case 'rps':
      return formatRate(v);
    case 'usdPerHour':
      return `$${v.toFixed(v < 1 ? 3 : 2)}/h`;
  }
}

export function formatTarget(g: Pick<GradedObjective, 'metric' | 'target'>): string {
  const { min, max } = g.target;
  const f = (v: number): string => formatMetricValue(g.metric, v);
  if (min !== undefined && max !== undefined) return `${f(min)} to ${f(max)}`;
  return max !== undefined ? `≤ ${f(max)}` : `≥ ${f(min!)}`;
}

/** "38 ms to spare" or "12 ms over". */
export function formatMargin(g: GradedObjective): string {
  if (g.margin === null) return 'not measured';
  const amount = formatMetricValue(g.metric, Math.abs(g.margin));
  if (g.met) return `${amount} to spare`;
  const over = g.target.max !== undefined && g.value !== null && g.value > g.target.max;
  return `${amount} ${over ? 'over' : 'short'}`;
}

/** What an objective measures: "p99 latency of checkout at api, worst 60 s window". */
export function objectiveTitle(
  g: Pick<GradedObjective, 'metric' | 'node' | 'class' | 'windowS'>,
): string {
  const of = g.class !== undefined ? ` of ${g.class}` : '';
  const at = g.node !== undefined ? ` at ${g.node}` : '';
  const win = g.windowS !== undefined ? `, worst ${g.windowS} s window` : '';
  return `${OBJECTIVE_METRICS[g.metric].label}${of}${at}${win}`;
}

/** The terminal's lines: one per objective, then a verdict. */
export function formatGradedLines(graded: readonly GradedObjective[]): string[] {
  if (graded.length === 0) return [];
  const lines = ['', 'objectives'];
  for (const g of graded) {
    lines.push(
      `  ${g.met ? 'MET   ' : 'MISSED'} ${g.id}: ${objectiveTitle(g)} ${formatMetricValue(g.metric, g.value)} (target ${formatTarget(g)}; ${formatMargin(g)})`,
    );
  }
  const missed = graded.filter((g) => !g.met).length;
  lines.push(missed === 0 ? '  all met' : `  ${missed} of ${graded.length} missed`);
  return lines;
}

/** "1478 failed of 550.65 allowed (11013 requests × 5 %)": an error budget's arithmetic. */
export function formatBudgetCounts(b: BudgetReport): string {
  return `${b.failed} failed of ${b.allowed} allowed (${b.total} requests × ${formatShare(b.allowedShare)})`;
}
