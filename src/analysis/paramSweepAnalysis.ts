/**
 * Reading a param sweep: each point's figures (the mean over its seeds, with the 95 % half-width
 * when there are several), its cost, whether it meets the SLO; the cheapest point that meets it;
 * and the cost–latency Pareto frontier: the points no other point beats on both cost per hour
 * and p99 (among those within the error budget), cheapest first.
 */
import type { SimResult } from '../engine/types.ts';
import { designCost } from './cost.ts';
import { goodputRps } from './figures.ts';
import { grade } from './objectives.ts';
import type { ParamSweepPlan } from './paramSweep.ts';
import { estimate } from './stats.ts';

export interface ParamPointSummary {
  values: number[];
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  throughputRps: number;
  goodputRps: number;
  errorRate: number;
  /** 95 % half-widths over the seeds (NaN with one seed). */
  p99HalfWidthMs: number;
  meanHalfWidthMs: number;
  costPerHour: number;
  /** The busiest node and its utilization (mean over seeds). */
  busiest: { nodeId: string; utilization: number } | null;
  /** The point passes: every objective of the design met under every seed, or, for a design
   *  without objectives, p99 ≤ the SLO and errors within the budget (mean over the seeds). */
  meetsSlo: boolean;
  /** The objectives (ids) some seed missed at this point; empty without objectives. */
  objectivesMissed: string[];
  /** Some seed stopped early (event budget, in-flight cap): an overloaded point. */
  truncated: boolean;
}

export interface ParamSweepAnalysis {
  axes: Array<{ path: string; label: string; values: number[]; integer: boolean; unit?: string }>;
  seeds: number[];
  sloP99Ms: number;
  maxErrorRate: number;
  /** What decides a pass: the design's own objectives when it has any, else the SLO. */
  passBy: 'objectives' | 'slo';
  points: ParamPointSummary[];
  /** The cheapest point meeting the SLO (ties: the lower p99); null when none does. */
  best: ParamPointSummary | null;
  /** Indices into `points`: the cost–latency frontier, cheapest first. */
  pareto: number[];
}

export interface ParamSweepOptions {
  sloP99Ms: number;
  /** Default 0.01. */
  maxErrorRate?: number;
}

function summarise(
  values: number[],
  doc: ParamSweepPlan['points'][number]['doc'],
  runs: readonly SimResult[],
  slo: number,
  maxErr: number,
): ParamPointSummary {
  const avg = (f: (r: SimResult) => number) => estimate(runs.map(f));
  const p99 = avg((r) => r.latencyMs.p99);
  const mean = avg((r) => r.latencyMs.mean);
  const errorRate = avg((r) => r.errorRate).mean;
  const util = new Map<string, number>();
  for (const r of runs)
    for (const [id, n] of Object.entries(r.nodes))
      if (n.type !== 'client') util.set(id, (util.get(id) ?? 0) + n.utilization / runs.length);
  const top = [...util].reduce<[string, number] | null>(
    (m, e) => (!m || e[1] > m[1] ? e : m),
    null,
  );
  // The cost of an autoscaled design follows its measured replicas: averaged over the seeds.
  const costPerHour = runs.reduce((s, r) => s + designCost(doc, r).perHour, 0) / runs.length;
  const objectives = doc.objectives ?? [];
  const missed = new Set(
    runs.flatMap((r) =>
      grade(objectives, r, doc)
        .filter((g) => !g.met)
        .map((g) => g.id),
    ),
  );
  return {
    values,
    p50Ms: avg((r) => r.latencyMs.p50).mean,
    p99Ms: p99.mean,
    meanMs: mean.mean,
    throughputRps: avg((r) => r.throughputRps).mean,
    goodputRps: avg((r) => goodputRps(r)).mean,
    errorRate,
    p99HalfWidthMs: p99.halfWidth,
    meanHalfWidthMs: mean.halfWidth,
    costPerHour,
    busiest: top ? { nodeId: top[0], utilization: top[1] } : null,
    meetsSlo: objectives.length > 0 ? missed.size === 0 : p99.mean <= slo && errorRate <= maxErr,
    objectivesMissed: [...missed],
    truncated: runs.some((r) => r.truncated !== undefined),
  };
}

/** Non-dominated points on (cost, p99), within the error budget, cheapest first. */
export function paretoFrontier(points: readonly ParamPointSummary[], maxErr: number): number[] {
  const order = points
    .map((_, i) => i)
    .filter((i) => points[i]!.errorRate <= maxErr)
    .sort((a, b) => {
      const pa = points[a]!;
      const pb = points[b]!;
      return pa.costPerHour - pb.costPerHour || pa.p99Ms - pb.p99Ms;
    });
  const frontier: number[] = [];
  let bestP99 = Infinity;
  for (const i of order) {
    const p = points[i]!;
    if (p.p99Ms < bestP99) {
      frontier.push(i);
      bestP99 = p.p99Ms;
    }
  }
  return frontier;
}

/** `results` in the order of `paramSweepJobs(plan)`: point-major, seeds within. */
export function analyseParamSweep(
  plan: ParamSweepPlan,
  results: readonly SimResult[],
  opts: ParamSweepOptions,
): ParamSweepAnalysis {
  const maxErr = opts.maxErrorRate ?? 0.01;
  const k = plan.seeds.length;
  const points = plan.points.map((p, i) =>
    summarise(p.values, p.doc, results.slice(i * k, i * k + k), opts.sloP99Ms, maxErr),
  );
  const best =
    points
      .filter((p) => p.meetsSlo)
      .sort((a, b) => a.costPerHour - b.costPerHour || a.p99Ms - b.p99Ms)[0] ?? null;
  return {
    axes: plan.axes.map((a) => ({
      path: a.path,
      label: a.info.label,
      values: a.values,
      integer: a.info.bounds.integer,
      ...(a.info.bounds.unit !== undefined && { unit: a.info.bounds.unit }),
    })),
    seeds: plan.seeds,
    sloP99Ms: opts.sloP99Ms,
    maxErrorRate: maxErr,
    passBy: (plan.points[0]?.doc.objectives?.length ?? 0) > 0 ? 'objectives' : 'slo',
    points,
    best,
    pareto: paretoFrontier(points, maxErr),
  };
}
