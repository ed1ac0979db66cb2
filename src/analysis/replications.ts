/**
 * Replications: the same design under several seeds. Each seed is one independent estimate of
 * every figure; their means with 95 % confidence intervals say how sure the summary is.
 */
import type { NodeResult, SimResult, SimulationOptions } from '../engine/types.ts';
import { KIND_DESCRIPTIONS } from '../model/kinds/index.ts';
import { figuresOf } from '../model/kinds/kindFigures.ts';
import type { NodeType, Scenario } from '../model/types.ts';
import { goodputRps } from './figures.ts';
import { regionEstimates } from './regionReplications.ts';
import { estimate, howSure, type Estimate } from './stats.ts';

export type RunScenario = (doc: Scenario, opts: SimulationOptions) => SimResult;

/** Seeds base, base+1, … (unsigned 32-bit); the engine's splitmix seeding decorrelates them. */
export function replicationSeeds(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (base + i) >>> 0);
}

/** The figures that matter, with their unit and label for the summary sentence. */
export const REPLICATED_FIGURES = {
  p50Ms: { label: 'p50', unit: 'ms', of: (r: SimResult) => r.latencyMs.p50 },
  p99Ms: { label: 'p99', unit: 'ms', of: (r: SimResult) => r.latencyMs.p99 },
  meanMs: { label: 'mean latency', unit: 'ms', of: (r: SimResult) => r.latencyMs.mean },
  throughputRps: { label: 'throughput', unit: 'rps', of: (r: SimResult) => r.throughputRps },
  goodputRps: { label: 'goodput', unit: 'rps', of: (r: SimResult) => goodputRps(r) },
  errorRate: { label: 'error rate', unit: '', of: (r: SimResult) => r.errorRate },
} as const;

export type ReplicatedFigure = keyof typeof REPLICATED_FIGURES;

export interface ReplicationSummary {
  n: number;
  seeds: number[];
  figures: Record<ReplicatedFigure, Estimate>;
  /** Per node: utilization and mean latency estimates, and each figure its kind marks
   *  `replicated` (availability, stale-read share…) that the runs reported. */
  nodes: Record<
    string,
    { utilization: Estimate; meanMs: Estimate; figures: Record<string, Estimate> }
  >;
  /** With regions: each region's users, by region name then figure (./regionReplications.ts). */
  regions: Record<string, Record<string, Estimate>>;
  /** One "how sure" sentence per figure. */
  sentences: string[];
}

export function summariseReplications(results: SimResult[]): ReplicationSummary {
  const keys = Object.keys(REPLICATED_FIGURES) as ReplicatedFigure[];
  const figures = Object.fromEntries(
    keys.map((k) => [k, estimate(results.map((r) => REPLICATED_FIGURES[k].of(r)))]),
  ) as Record<ReplicatedFigure, Estimate>;
  const nodeIds = new Set(results.flatMap((r) => Object.keys(r.nodes)));
  const nodes: ReplicationSummary['nodes'] = {};
  for (const id of nodeIds) {
    const present = results.map((r) => r.nodes[id]).filter((n) => n !== undefined);
    nodes[id] = {
      utilization: estimate(present.map((n) => n.utilization)),
      meanMs: estimate(present.map((n) => n.latencyMs.mean)),
      figures: replicatedFigures(present),
    };
  }
  const sentences = keys.map((k) =>
    howSure(REPLICATED_FIGURES[k].label, figures[k], REPLICATED_FIGURES[k].unit),
  );
  const regions = regionEstimates(results);
  return {
    n: results.length,
    seeds: results.map((r) => r.seed),
    figures,
    nodes,
    regions,
    sentences,
  };
}

/** A node's `replicated` figures, each over the runs that reported it (a figure reported by
 *  only one run, like nines when only one seed saw an outage, is an estimate of one). */
function replicatedFigures(runs: readonly NodeResult[]): Record<string, Estimate> {
  const out: Record<string, Estimate> = {};
  const type = runs[0]?.type;
  if (type === undefined || !(type in KIND_DESCRIPTIONS)) return out;
  for (const f of figuresOf(type as NodeType)) {
    if (f.replicated !== true) continue;
    const xs = runs.map((r) => r[f.key]).filter((x): x is number => typeof x === 'number');
    if (xs.length > 0) out[f.key] = estimate(xs);
  }
  return out;
}

/** Runs `n` seeds one after another and summarises them. */
export function runReplications(
  doc: Scenario,
  n: number,
  run: RunScenario,
  opts: SimulationOptions = {},
): ReplicationSummary {
  const results = replicationSeeds(opts.seed ?? doc.seed, n).map((seed) =>
    run(doc, { ...opts, seed }),
  );
  return summariseReplications(results);
}
