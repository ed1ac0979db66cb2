/**
 * The param sweep, planned and read for the panel: a default range for a param (around its
 * value, inside its limits), and the sentences the results lead with.
 */
import type { ParamInfo } from '../../analysis/paramPath.ts';
import type { ParamAxis } from '../../analysis/paramSweep.ts';
import type { ParamPointSummary, ParamSweepAnalysis } from '../../analysis/paramSweepAnalysis.ts';
import { formatDuration } from '../run/format.ts';
import { fmtMoney } from './format.ts';

/** A round step for a span: 1, 2 or 5 times a power of ten. */
function roundStep(span: number, count: number): number {
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

/** What a pass means: the design's objectives, or the SLO. */
export function passGoal(a: ParamSweepAnalysis): string {
  return a.passBy === 'objectives'
    ? "the design's objectives"
    : `p99 ≤ ${formatDuration(a.sloP99Ms)} with errors ≤ ${a.maxErrorRate * 100} %`;
}

/** Half to twice the value, clamped to the limits, in about six steps. */
export function defaultAxis(info: ParamInfo): ParamAxis {
  const { min, max, integer, minExclusive } = info.bounds;
  const v = Number.isFinite(info.value) && info.value > 0 ? info.value : integer ? 4 : 100;
  const low = minExclusive ? min + (integer ? 1 : 0) : min;
  if (integer) {
    const from = Math.max(low, Math.max(1, Math.floor(v / 2)));
    const to = Math.min(max, Math.max(from + 5, v * 2));
    const step = Math.max(1, Math.ceil((to - from) / 8));
    return { path: info.path, from, to, step };
  }
  const step = roundStep(v * 1.5, 6);
  const from = Math.max(minExclusive ? step : low, Math.round(v / 2 / step) * step || step);
  const to = Math.min(max, from + 6 * step);
  return { path: info.path, from, to, step: Number(step.toPrecision(6)) };
}

const valuesAt = (a: ParamSweepAnalysis, p: ParamPointSummary): string =>
  a.axes.map((ax, i) => `${ax.label} = ${p.values[i]}${ax.unit ? ` ${ax.unit}` : ''}`).join(', ');

/** "Cheapest meeting p99 ≤ 150 ms: Checkout API · Replicas = 3 ($0.325/h, p99 80 ms)." */
export function bestSentence(a: ParamSweepAnalysis): string {
  const goal = passGoal(a);
  if (!a.best) return `No point meets ${goal}.`;
  return `Cheapest meeting ${goal}: ${valuesAt(a, a.best)} (${fmtMoney(a.best.costPerHour)}/h, p99 ${formatDuration(a.best.p99Ms)}).`;
}

export function paretoSentence(a: ParamSweepAnalysis): string {
  if (a.pareto.length === 0)
    return 'No point is within the error budget: no cost–latency frontier.';
  const pts = a.pareto.map((i) => a.points[i]!);
  return `Cost–latency frontier (${pts.length} of ${a.points.length} points): ${pts
    .map(
      (p) =>
        `${p.values.join(' × ')} → ${fmtMoney(p.costPerHour)}/h, p99 ${formatDuration(p.p99Ms)}`,
    )
    .join('; ')}.`;
}

/**
 * The pass region of a one-param sweep as x ranges: each run of consecutive passing values,
 * widened by half a step each side so a single passing value is a band, not a line.
 */
export function passRuns(a: ParamSweepAnalysis): Array<[number, number]> {
  const xs = a.points.map((p) => p.values[0]!);
  const half = xs.length > 1 ? (xs[1]! - xs[0]!) / 2 : 0.5;
  const runs: Array<[number, number]> = [];
  a.points.forEach((p, i) => {
    if (!p.meetsSlo) return;
    const last = runs.at(-1);
    const prevPassed = i > 0 && a.points[i - 1]!.meetsSlo;
    if (last && prevPassed) last[1] = xs[i]! + half;
    else runs.push([xs[i]! - half, xs[i]! + half]);
  });
  // Kept inside the swept range, so the band never stretches the axis.
  const lo = xs[0] ?? 0;
  const hi = xs.at(-1) ?? 0;
  return runs.map(([a0, b0]) => [Math.max(lo, a0), Math.min(hi, b0)]);
}
