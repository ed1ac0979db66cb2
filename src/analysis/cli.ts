/**
 * The analyses for the headless runner: each returns one JSON-ready object (documented in
 * docs/analysis.md) and has a readable text form. Runs go to the given runners (worker threads
 * from src/cli/pool.ts), or one after another in this thread.
 */
import type { SimulationOptions } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import { saturationPoints, type Saturation } from './capacity.ts';
import { theoryCurve, type EndToEnd } from './endToEnd.ts';
import type { PoolOptions } from './pool.ts';
import { runPool } from './pool.ts';
import { summariseReplications } from './replications.ts';
import { replicationJobs, runSweepPool, type JobRunner } from './run.ts';
import { theoryCompareReplicated, type ReplicatedTheoryRow } from './theoryReplicated.ts';
import { runToEnd } from './runToEnd.ts';
import type { ReplicationSummary } from './replications.ts';
import type { SweepAnalysis, SweepSpec } from './sweep.ts';

export interface CliRunOptions {
  seed?: number;
  durationS?: number;
  sloMs: number;
  deadlineMs?: number;
  /** Defaults to one in-thread runner. */
  runners?: readonly JobRunner[];
  onProgress?: PoolOptions['onProgress'];
}

export interface SweepReport extends SweepAnalysis {
  kind: 'sweep';
  name: string;
  seed: number;
  durationS: number;
  sweep: SweepSpec;
  sloP99Ms: number;
  workers: number;
  wallMs: number;
  /** The end-to-end theory at each point (null where the design is beyond closed forms). */
  theory: Array<{ offeredRps: number } & EndToEnd>;
  /** Theory's first nodes to saturate, and at what total client rate (see capacity.ts). */
  predictedSaturation: Saturation[];
}

export interface ReplicationsReport extends ReplicationSummary {
  kind: 'replications';
  /** Theory beside the measurement, per node, with the measured mean's 95 % CI. */
  theory: ReplicatedTheoryRow[];
  name: string;
  durationS: number;
  workers: number;
  wallMs: number;
}

export const inThread: JobRunner = { run: async (job) => runToEnd(job.doc, job.opts) };

export function simOptions(o: CliRunOptions): SimulationOptions {
  const s: SimulationOptions = {};
  if (o.seed !== undefined) s.seed = o.seed;
  if (o.durationS !== undefined) s.durationS = o.durationS;
  return s;
}

/** Runs with the simulated duration overridden also shorten the document (warm-up kept). */
export function withDuration(doc: Scenario, durationS?: number): Scenario {
  return durationS === undefined
    ? doc
    : { ...doc, durationS, warmupS: Math.min(doc.warmupS, durationS / 2) };
}

export async function runSweepCli(
  doc: Scenario,
  spec: SweepSpec,
  o: CliRunOptions,
): Promise<SweepReport> {
  const started = performance.now();
  const runners = o.runners ?? [inThread];
  const d = withDuration(doc, o.durationS);
  const analyse =
    o.deadlineMs === undefined
      ? { sloP99Ms: o.sloMs }
      : { sloP99Ms: o.sloMs, deadlineMs: o.deadlineMs };
  const pool = o.onProgress ? { onProgress: o.onProgress } : {};
  const a = await runSweepPool(d, spec, analyse, runners, simOptions(o), pool);
  return {
    kind: 'sweep',
    name: doc.name,
    seed: o.seed ?? doc.seed,
    durationS: d.durationS,
    sweep: spec,
    sloP99Ms: o.sloMs,
    workers: runners.length,
    wallMs: Math.round(performance.now() - started),
    ...a,
    theory: theoryCurve(d, spec),
    predictedSaturation: saturationPoints(d).slice(0, 5),
  };
}

export async function runReplicationsCli(
  doc: Scenario,
  n: number,
  o: CliRunOptions,
): Promise<ReplicationsReport> {
  const started = performance.now();
  const runners = o.runners ?? [inThread];
  const d = withDuration(doc, o.durationS);
  const pool = o.onProgress ? { onProgress: o.onProgress } : {};
  const results = await runPool(replicationJobs(d, n, simOptions(o)), runners, pool);
  return {
    kind: 'replications',
    name: doc.name,
    durationS: d.durationS,
    workers: runners.length,
    wallMs: Math.round(performance.now() - started),
    ...summariseReplications(results),
    theory: theoryCompareReplicated(d, results),
  };
}

const f1 = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(1);

export function formatSweepText(r: SweepReport): string {
  const lines = [
    `${r.name}: load sweep ${r.sweep.fromPct}..${r.sweep.toPct} % by ${r.sweep.stepPct} (${r.points.length} points, ${r.durationS} s each, seed ${r.seed}, ${r.workers} workers, ${r.wallMs} ms)`,
    '  offered rps   goodput rps   p50 ms    p99 ms   errors   mean ms   theory mean ms',
    ...r.points.map((p) => {
      const theory = r.theory.find((t) => Math.abs(t.offeredRps - p.offeredRps) < 1e-6)?.meanMs;
      return (
        `  ${f1(p.offeredRps).padStart(11)}   ${f1(p.goodputRps).padStart(11)}   ${f1(p.p50Ms).padStart(6)}  ` +
        `${f1(p.p99Ms).padStart(8)}   ${(p.errorRate * 100).toFixed(2).padStart(5)} %  ${f1(p.meanMs).padStart(8)}   ${f1(theory).padStart(14)}`
      );
    }),
    r.knee
      ? `knee: ${f1(r.knee.offeredRps)} rps (p99 ${f1(r.knee.p99Ms)} ms): ${r.knee.definition}`
      : 'knee: —',
    r.capacityAtSlo.offeredRps === null
      ? `capacity at p99 ≤ ${r.sloP99Ms} ms: below the sweep (no point meets it)`
      : `capacity at p99 ≤ ${r.sloP99Ms} ms and errors ≤ ${r.capacityAtSlo.maxErrorRate * 100} %: ${r.capacityAtSlo.beyondSweep ? 'at least ' : ''}${f1(r.capacityAtSlo.offeredRps)} rps`,
    r.bottleneck
      ? `bottleneck: ${r.bottleneck.nodeId} (utilization ${(r.bottleneck.utilization * 100).toFixed(0)} % at ${f1(r.bottleneck.atOfferedRps)} rps${r.bottleneck.saturated ? ', saturated first' : ''})`
      : 'bottleneck: —',
    ...r.predictedSaturation
      .slice(0, 1)
      .map(
        (p) =>
          `theory: ${p.nodeId} saturates first, at ${p.atMost ? 'most ' : ''}${f1(p.saturatesAtRps)} rps offered (${(p.utilization * 100).toFixed(0)} % busy at the document's own load)`,
      ),
  ];
  return lines.join('\n');
}

/** With one run and a gap over 10 % (or no prediction), the row's note says why. */
function explain(n: number, t: ReplicatedTheoryRow): string {
  const big = t.relativeError === null || Math.abs(t.relativeError) > 0.1;
  return n === 1 && big && t.note ? `\n      (${t.note})` : '';
}

export function formatReplicationsText(r: ReplicationsReport): string {
  const rows = r.theory.filter((t) => t.model !== 'flow');
  const ci = (t: ReplicatedTheoryRow) =>
    Number.isFinite(t.measuredHalfWidth) ? ` ± ${t.measuredHalfWidth.toPrecision(2)}` : '';
  const rel = (t: ReplicatedTheoryRow) =>
    t.relativeError === null
      ? ''
      : ` (${t.relativeError >= 0 ? '+' : ''}${(t.relativeError * 100).toFixed(1)} %)`;
  const verdict = (t: ReplicatedTheoryRow) =>
    t.agrees === null ? '' : t.agrees ? 'within the CI' : 'outside the CI';
  return [
    r.n === 1
      ? `${r.name}: one run (seed ${r.seeds[0]}; ${r.durationS} s, ${r.wallMs} ms)`
      : `${r.name}: ${r.n} replications (seeds ${r.seeds.join(', ')}; ${r.durationS} s each, ${r.workers} workers, ${r.wallMs} ms)`,
    ...r.sentences.map((s) => `  ${s}`),
    ...(rows.length ? ['theory beside the measurement:'] : []),
    ...rows.map(
      (t) =>
        `  ${t.nodeId} ${t.model} ${t.metric}: predicted ${t.predicted === null ? '—' : Number(t.predicted.toPrecision(4))}, ` +
        `measured ${Number(t.measured.toPrecision(4))}${ci(t)}${rel(t)} ${verdict(t)}`.trimEnd() +
        explain(r.n, t),
    ),
  ].join('\n');
}
