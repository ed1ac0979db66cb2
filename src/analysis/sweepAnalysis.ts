/** Reading a sweep: the knee, the capacity at an SLO, the bottleneck. Definitions in sweep.ts. */
import type { SimResult } from '../engine/types.ts';
import {
  summarisePoint,
  type AnalyseOptions,
  type SweepAnalysis,
  type SweepPointSummary,
} from './sweep.ts';

export const KNEE_DEFINITION =
  "Kleinrock's optimal operating point: the offered load that maximises power = goodput / mean latency (utilization 0.5 for an M/M/1)";

/** Least-squares parabola y = a + b·x + c·x² through the points; its vertex, if a maximum. */
function parabolaVertex(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  // Normal equations, centred on the mean x for conditioning.
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const u = xs.map((x) => x - mx);
  const S = (k: number): number => u.reduce((s, x) => s + x ** k, 0);
  const T = (k: number): number => u.reduce((s, x, i) => s + x ** k * (ys[i] ?? 0), 0);
  const m = [
    [n, S(1), S(2)],
    [S(1), S(2), S(3)],
    [S(2), S(3), S(4)],
  ];
  const v = [T(0), T(1), T(2)];
  const det = (a: number[][]): number =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  if (Math.abs(d) < 1e-300) return null;
  const withColumn = (col: number): number[][] =>
    m.map((r, i) => r.map((x, j) => (j === col ? (v[i] ?? 0) : x)));
  const b = det(withColumn(1)) / d;
  const c = det(withColumn(2)) / d;
  if (!(c < 0)) return null;
  return mx - b / (2 * c);
}

function knee(points: SweepPointSummary[]): SweepAnalysis['knee'] {
  if (points.length === 0) return null;
  let best = 0;
  points.forEach((p, i) => {
    if (p.power > (points[best]?.power ?? -Infinity)) best = i;
  });
  const lo = Math.max(0, best - 2);
  const window = points.slice(lo, Math.min(points.length, best + 3));
  const bestPoint = points[best]!;
  let x = bestPoint.offeredRps;
  if (best > 0 && best < points.length - 1) {
    const vertex = parabolaVertex(
      window.map((p) => p.offeredRps),
      window.map((p) => p.power),
    );
    const left = points[best - 1]!.offeredRps;
    const right = points[best + 1]!.offeredRps;
    if (vertex !== null && vertex >= left && vertex <= right) x = vertex;
  }
  return {
    offeredRps: x,
    p99Ms: interpolate(points, x, (p) => p.p99Ms),
    definition: KNEE_DEFINITION,
  };
}

/** Linear interpolation of a point figure at offered rate x. */
function interpolate(
  points: SweepPointSummary[],
  x: number,
  f: (p: SweepPointSummary) => number,
): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (x <= b.offeredRps) {
      const span = b.offeredRps - a.offeredRps;
      return span > 0 ? f(a) + ((f(b) - f(a)) * (x - a.offeredRps)) / span : f(b);
    }
  }
  return f(points[points.length - 1]!);
}

function capacity(
  points: SweepPointSummary[],
  slo: number,
  maxErr: number,
): SweepAnalysis['capacityAtSlo'] {
  const meets = (p: SweepPointSummary): boolean => p.p99Ms <= slo && p.errorRate <= maxErr;
  let last = -1;
  points.forEach((p, i) => {
    if (meets(p)) last = i;
  });
  const base = { sloP99Ms: slo, maxErrorRate: maxErr };
  if (last < 0) return { ...base, offeredRps: null, beyondSweep: false };
  const a = points[last]!;
  const b = points[last + 1];
  if (!b) return { ...base, offeredRps: a.offeredRps, beyondSweep: true };
  // Where the failing figure crosses its limit, linearly between the two points.
  const fractions: number[] = [];
  if (b.p99Ms > slo) fractions.push((slo - a.p99Ms) / (b.p99Ms - a.p99Ms));
  if (b.errorRate > maxErr) fractions.push((maxErr - a.errorRate) / (b.errorRate - a.errorRate));
  const t = Math.min(1, Math.max(0, Math.min(...fractions)));
  return {
    ...base,
    offeredRps: a.offeredRps + t * (b.offeredRps - a.offeredRps),
    beyondSweep: false,
  };
}

function bottleneck(points: SweepPointSummary[], saturation: number): SweepAnalysis['bottleneck'] {
  const top = (p: SweepPointSummary): [string, number] | null =>
    Object.entries(p.utilization).reduce<[string, number] | null>(
      (m, e) => (m === null || e[1] > m[1] ? e : m),
      null,
    );
  for (const p of points) {
    const t = top(p);
    if (t && t[1] >= saturation)
      return { nodeId: t[0], utilization: t[1], atOfferedRps: p.offeredRps, saturated: true };
  }
  const last = points[points.length - 1];
  const t = last ? top(last) : null;
  return last && t
    ? { nodeId: t[0], utilization: t[1], atOfferedRps: last.offeredRps, saturated: false }
    : null;
}

/** Summarises each point (sorted by offered rate) and finds the knee, capacity and bottleneck. */
export function analyseSweep(
  runs: Array<{ offeredRps: number; result: SimResult }>,
  opts: AnalyseOptions,
): SweepAnalysis {
  const points = runs
    .map((r) => summarisePoint(r.offeredRps, r.result, opts.deadlineMs))
    .sort((a, b) => a.offeredRps - b.offeredRps);
  return {
    points,
    knee: knee(points),
    capacityAtSlo: capacity(points, opts.sloP99Ms, opts.maxErrorRate ?? 0.01),
    bottleneck: bottleneck(points, opts.saturation ?? 0.95),
  };
}
