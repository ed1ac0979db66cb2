/** The load sweep, planned and read for the panel: jobs, chart rows and the plain sentences. */
import { sweepJobs } from '../../analysis/run.ts';
import type { SweepAnalysis, SweepSpec } from '../../analysis/sweep.ts';
import { analyseSweep } from '../../analysis/sweepAnalysis.ts';
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
}

export function readSweep(
  doc: Scenario,
  jobs: readonly SweepJob[],
  results: readonly SimResult[],
  sloP99Ms: number,
): SweepReport {
  const runs = jobs.map((j, i) => ({ offeredRps: j.offeredRps, result: results[i] as SimResult }));
  const analysis = analyseSweep(runs, { sloP99Ms });
  const rows = runs
    .map((r, i) => ({
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
  const capacitySentence =
    c.offeredRps === null
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
  return { analysis, rows, capacitySentence, bottleneckSentence, kneeSentence };
}
