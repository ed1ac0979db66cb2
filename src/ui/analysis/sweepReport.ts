/** The load sweep, planned and read for the panel: jobs, chart rows and the plain sentences. */
import { sweepJobs } from '../../analysis/run.ts';
import type { SweepAnalysis, SweepSpec } from '../../analysis/sweep.ts';
import { analyseSweep } from '../../analysis/sweepAnalysis.ts';
import { grade } from '../../analysis/objectives.ts';
import { formatTarget, objectiveTitle } from '../../analysis/objectivesText.ts';
import type { SimResult } from '../../engine/types.ts';
import type { Scenario } from '../../model/types.ts';
import { formatCount, formatDuration } from '../run/format.ts';
import { nodeName } from './format.ts';

export interface SweepInputs extends SweepSpec {
  sloP99Ms: number;
  durationS: number;
}

export type SweepJob = ReturnType<typeof sweepJobs>[number];

/** The points to run; warm-up is capped at a quarter of a short per-point duration. */
export function planSweepJobs(doc: Scenario, inputs: SweepInputs): SweepJob[] {
  const base = { ...doc, warmupS: Math.min(doc.warmupS, inputs.durationS / 4) };
  return sweepJobs(base, inputs, { durationS: inputs.durationS });
}

export interface SweepRow {
  /** Whether the point passes: every objective met, or (without objectives) p99 within the SLO
   *  and errors at most 1 % (the analysis's capacity rule). */
  pass: boolean;
  pct: number;
  offeredRps: number;
  p50: number;
  p95: number;
  p99: number;
  goodput: number;
}

export interface SweepReport {
  analysis: SweepAnalysis;
  rows: SweepRow[];
  capacitySentence: string;
  bottleneckSentence: string;
  kneeSentence: string;
  /** What decides a point's pass, in words: "every objective met (…)" or "p99 ≤ 200 ms". */
  passLabel: string;
  passBy: 'objectives' | 'slo';
  /** The offered rates of the passing points, as contiguous ranges (the chart shades them). */
  passRanges: Array<[number, number]>;
}

/** Consecutive passing rows as [first, last] offered rates. */
function rangesOf(rows: readonly SweepRow[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start: number | null = null;
  rows.forEach((r, i) => {
    if (r.pass && start === null) start = r.offeredRps;
    const next = rows[i + 1];
    if (r.pass && start !== null && (next === undefined || !next.pass)) {
      out.push([start, r.offeredRps]);
      start = null;
    }
  });
  return out;
}

export function readSweep(
  doc: Scenario,
  jobs: readonly SweepJob[],
  results: readonly SimResult[],
  sloP99Ms: number,
): SweepReport {
  const runs = jobs.map((j, i) => ({ offeredRps: j.offeredRps, result: results[i] as SimResult }));
  const analysis = analyseSweep(runs, { sloP99Ms });
  const objectives = doc.objectives ?? [];
  const passBy = objectives.length > 0 ? 'objectives' : 'slo';
  const maxErr = analysis.capacityAtSlo.maxErrorRate;
  const passes = (r: SimResult, i: number): boolean =>
    passBy === 'objectives'
      ? grade(objectives, r, jobs[i]?.doc ?? doc).every((g) => g.met)
      : r.latencyMs.p99 <= sloP99Ms && r.errorRate <= maxErr;
  const rows = runs
    .map((r, i) => ({
      pass: passes(r.result, i),
      pct: jobs[i]?.pct ?? NaN,
      offeredRps: r.offeredRps,
      p50: r.result.latencyMs.p50,
      p95: r.result.latencyMs.p95,
      p99: r.result.latencyMs.p99,
      goodput: analysis.points.find((p) => p.offeredRps === r.offeredRps)?.goodputRps ?? NaN,
    }))
    .sort((a, b) => a.offeredRps - b.offeredRps);
  const pctAt = (rps: number) => rows.find((r) => r.offeredRps === rps)?.pct;

  const c = analysis.capacityAtSlo;
  const slo = `p99 ≤ ${formatDuration(sloP99Ms)}`;
  const passLabel =
    passBy === 'objectives'
      ? `every objective met (${objectives.map((o) => `${o.label ?? objectiveTitle(o)} ${formatTarget({ metric: o.metric, target: o })}`).join('; ')})`
      : slo;
  const passRanges = rangesOf(rows);
  const lastPass = passRanges.at(0)?.[1];
  const capacitySentence =
    passBy === 'objectives'
      ? lastPass === undefined
        ? `With ${passLabel}: none of the points passes.`
        : `Capacity with ${passLabel}: ${formatCount(lastPass)} rps${lastPass === rows.at(-1)?.offeredRps ? ' (every point passed)' : ''}.`
      : c.offeredRps === null
        ? `Capacity at ${slo}: none of the points meets it.`
        : c.beyondSweep
          ? `Capacity at ${slo}: at least ${formatCount(c.offeredRps)} rps (every point met it).`
          : `Capacity at ${slo}: ${formatCount(c.offeredRps)} rps.`;

  const b = analysis.bottleneck;
  let bottleneckSentence = '';
  if (b) {
    // Unsaturated figures get a third decimal, so 0.948 never reads as a saturating 0.95.
    const where = `utilization ${b.utilization.toFixed(b.saturated ? 2 : 3)} at ${formatCount(pctAt(b.atOfferedRps) ?? NaN)} %`;
    bottleneckSentence = b.saturated
      ? `Bottleneck: ${nodeName(doc, b.nodeId)} (${where}).`
      : `Busiest node: ${nodeName(doc, b.nodeId)} (${where}); nothing saturated.`;
  }
  const k = analysis.knee;
  const kneeSentence = k
    ? `Knee: ${formatCount(k.offeredRps)} rps (p99 ${formatDuration(k.p99Ms)}), where goodput per unit of latency peaks.`
    : '';
  return {
    analysis,
    rows,
    capacitySentence,
    bottleneckSentence,
    kneeSentence,
    passLabel,
    passBy,
    passRanges,
  };
}
