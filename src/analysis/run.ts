/**
 * The analyses end to end: plan the runs, run them (one after another with a `RunScenario`, or
 * across a pool of runners), then read them. The same functions serve the CLI, the browser and
 * the tests; only the runner differs.
 */
import type { SimResult, SimulationOptions } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import { countedSecondsOf } from './figures.ts';
import { runPool, type PoolOptions, type Runner } from './pool.ts';
import { replicationSeeds, type RunScenario } from './replications.ts';
import { planSweep, type AnalyseOptions, type SweepAnalysis, type SweepSpec } from './sweep.ts';
import { analyseSweep } from './sweepAnalysis.ts';

/** One run to make: a document and its options (seed, duration). */
export interface RunJob {
  doc: Scenario;
  opts: SimulationOptions;
}

export type JobRunner = Runner<RunJob, SimResult>;

export function sweepJobs(
  doc: Scenario,
  spec: SweepSpec,
  opts: SimulationOptions = {},
): Array<RunJob & { offeredRps: number; pct: number }> {
  return planSweep(doc, spec).map((p) => ({
    doc: p.doc,
    opts,
    offeredRps: p.offeredRps,
    pct: p.pct,
  }));
}

/**
 * The x of a sweep point: the planned open-client rate, or for a design with only closed
 * clients (whose rate is an outcome, not an input) the measured client arrival rate.
 */
function offeredOf(planned: number, doc: Scenario, r: SimResult): number {
  if (planned > 0) return planned;
  const clients = doc.nodes.filter((n) => n.type === 'client'); // the workload's own arrivals
  const arrivals = clients.reduce((s, n) => s + (r.nodes[n.id]?.arrivals ?? 0), 0);
  return arrivals / countedSecondsOf(r);
}

export function runSweep(
  doc: Scenario,
  spec: SweepSpec,
  analyse: AnalyseOptions,
  run: RunScenario,
  opts: SimulationOptions = {},
): SweepAnalysis {
  const jobs = sweepJobs(doc, spec, opts);
  return analyseSweep(
    jobs.map((j) => {
      const result = run(j.doc, j.opts);
      return { offeredRps: offeredOf(j.offeredRps, j.doc, result), result };
    }),
    analyse,
  );
}

export async function runSweepPool(
  doc: Scenario,
  spec: SweepSpec,
  analyse: AnalyseOptions,
  runners: readonly JobRunner[],
  opts: SimulationOptions = {},
  pool: PoolOptions = {},
): Promise<SweepAnalysis> {
  const jobs = sweepJobs(doc, spec, opts);
  const results = await runPool(jobs, runners, pool);
  return analyseSweep(
    jobs.map((j, i) => {
      const result = results[i] as SimResult;
      return { offeredRps: offeredOf(j.offeredRps, j.doc, result), result };
    }),
    analyse,
  );
}

export function replicationJobs(doc: Scenario, n: number, opts: SimulationOptions = {}): RunJob[] {
  return replicationSeeds(opts.seed ?? doc.seed, n).map((seed) => ({
    doc,
    opts: { ...opts, seed },
  }));
}
