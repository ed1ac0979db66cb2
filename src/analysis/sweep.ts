/**
 * Load sweeps: the same design at a range of offered loads. `planSweep` makes the documents;
 * `analyseSweep` reads the results: the knee, the capacity at an SLO, goodput, the bottleneck.
 *
 * The knee is Kleinrock's optimal operating point: the load that maximises "power", goodput
 * divided by mean latency. It is scale-free (no threshold to pick), sits where extra load starts
 * to cost more latency than it brings throughput, and for an M/M/1 queue it is exactly at
 * utilization 0.5 (power = λ(μ - λ)); for c servers it moves towards saturation, as it should.
 * Between sweep points it is located by a least-squares parabola through the best point and up
 * to two neighbours each side.
 */
import type { SimResult } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import { meanProfileMultiplier } from './flow.ts';
import { goodputRps } from './figures.ts';

export interface SweepSpec {
  fromPct: number;
  toPct: number;
  stepPct: number;
  /** 100 % means this total client rate (rps); default: the document's own rates. */
  baseRps?: number;
}

export interface SweepPlanPoint {
  pct: number;
  /** Total open-client rate of this point's document, rps (closed users are not counted). */
  offeredRps: number;
  doc: Scenario;
}

/** Total rate the document's open clients send over the counted window, rps. */
export function openClientRps(doc: Scenario): number {
  return doc.nodes.reduce((s, n) => {
    // The load is the clients' (the workload's) params: no other kind sends traffic of its own.
    if (n.type !== 'client' || n.params.arrival.process === 'closed') return s;
    return (
      s + n.params.arrival.rps * meanProfileMultiplier(n.params.profile, doc.warmupS, doc.durationS)
    );
  }, 0);
}

/** The document with every client's load scaled: open rates multiplied, closed users too. */
export function scaleLoad(doc: Scenario, factor: number): Scenario {
  const nodes = doc.nodes.map((n) => {
    if (n.type !== 'client') return n; // only the workload's params set the load
    const a = n.params.arrival;
    const arrival =
      a.process === 'closed'
        ? { ...a, users: Math.max(1, Math.round(a.users * factor)) }
        : { ...a, rps: a.rps * factor };
    return { ...n, params: { ...n.params, arrival } };
  });
  return { ...doc, nodes };
}

export function sweepPercents(spec: SweepSpec): number[] {
  const { fromPct, toPct, stepPct } = spec;
  if (!(stepPct > 0) || !(fromPct > 0) || toPct < fromPct) {
    throw new RangeError('sweep: need 0 < FROM <= TO and STEP > 0 (percent)');
  }
  const count = Math.floor((toPct - fromPct) / stepPct + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => Number((fromPct + i * stepPct).toFixed(9)));
}

export function planSweep(doc: Scenario, spec: SweepSpec): SweepPlanPoint[] {
  const own = openClientRps(doc);
  const base = spec.baseRps ?? own;
  return sweepPercents(spec).map((pct) => {
    const factor = own > 0 ? (base * pct) / 100 / own : pct / 100;
    const scaled = scaleLoad(doc, factor);
    return { pct, offeredRps: openClientRps(scaled), doc: scaled };
  });
}

export interface SweepPointSummary {
  offeredRps: number;
  throughputRps: number;
  goodputRps: number;
  errorRate: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Goodput / mean latency (per ms): Kleinrock's power. */
  power: number;
  /** Utilization of every node that reports one. */
  utilization: Record<string, number>;
  /** Set when the run stopped early (event budget, in-flight cap): an overloaded point. */
  truncatedAtS?: number;
}

export interface SweepAnalysis {
  points: SweepPointSummary[];
  knee: { offeredRps: number; p99Ms: number; definition: string } | null;
  capacityAtSlo: {
    sloP99Ms: number;
    maxErrorRate: number;
    /** Highest offered rate meeting the SLO (interpolated); null when no point meets it. */
    offeredRps: number | null;
    /** True when even the highest point meets it: capacity is at least this. */
    beyondSweep: boolean;
  };
  bottleneck: {
    nodeId: string;
    utilization: number;
    atOfferedRps: number;
    saturated: boolean;
  } | null;
}

export interface AnalyseOptions {
  sloP99Ms: number;
  /** A point meets the SLO only with an error rate at or below this (default 0.01). */
  maxErrorRate?: number;
  /** Requests slower than this do not count as goodput (estimated from the percentiles). */
  deadlineMs?: number;
  /** Utilization at which a node counts as saturated (default 0.95). */
  saturation?: number;
}

export function summarisePoint(
  offeredRps: number,
  r: SimResult,
  deadlineMs?: number,
): SweepPointSummary {
  const goodput = goodputRps(r, deadlineMs);
  const utilization: Record<string, number> = {};
  for (const [id, n] of Object.entries(r.nodes))
    if (n.type !== 'client') utilization[id] = n.utilization; // a client has no workers
  const meanMs = r.latencyMs.mean;
  const truncated = r.truncated ? { truncatedAtS: r.truncated.atS } : {};
  return {
    ...truncated,
    offeredRps,
    throughputRps: r.throughputRps,
    goodputRps: goodput,
    errorRate: r.errorRate,
    p50Ms: r.latencyMs.p50,
    p99Ms: r.latencyMs.p99,
    meanMs,
    power: meanMs > 0 ? goodput / meanMs : 0,
    utilization,
  };
}
