/**
 * Paired comparison of designs A and B over k seeds with common random numbers: A and B run
 * under the same seeds, so each seed gives one difference B − A in which the traffic's luck
 * cancels (each client draws from its own stream; see compare.ts). The mean difference gets a
 * Student-t 95 % interval from the k differences (paired); the unpaired (Welch) interval over
 * the same runs is given beside it, to show what the pairing buys.
 */
import type { SimResult } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import { designCost } from './cost.ts';
import { goodputRps } from './figures.ts';
import { mean, sampleSd, tQuantile975 } from './stats.ts';

export const PAIRED_FIGURES = {
  p50Ms: { label: 'p50', unit: 'ms', lowerIsBetter: true, of: (r: SimResult) => r.latencyMs.p50 },
  p99Ms: { label: 'p99', unit: 'ms', lowerIsBetter: true, of: (r: SimResult) => r.latencyMs.p99 },
  meanMs: {
    label: 'mean latency',
    unit: 'ms',
    lowerIsBetter: true,
    of: (r: SimResult) => r.latencyMs.mean,
  },
  throughputRps: {
    label: 'throughput',
    unit: 'rps',
    lowerIsBetter: false,
    of: (r: SimResult) => r.throughputRps,
  },
  goodputRps: {
    label: 'goodput',
    unit: 'rps',
    lowerIsBetter: false,
    of: (r: SimResult) => goodputRps(r),
  },
  errorRate: {
    label: 'error rate',
    unit: '%',
    lowerIsBetter: true,
    of: (r: SimResult) => r.errorRate * 100,
  },
} as const;

export type PairedFigure = keyof typeof PAIRED_FIGURES | 'costPerHour';

export interface PairedDelta {
  figure: PairedFigure;
  label: string;
  unit: string;
  meanA: number;
  meanB: number;
  /** Mean of B − A over the seeds. */
  delta: number;
  /** 95 % half-width of the mean difference from the paired differences (NaN for k < 2). */
  halfWidth: number;
  /** The same from the two samples taken as independent (Welch), for comparison. */
  unpairedHalfWidth: number;
  /** The interval excludes 0. */
  significant: boolean;
  verdict: 'better' | 'worse' | 'same';
  sentence: string;
}

export interface PairedComparison {
  seeds: number[];
  figures: PairedDelta[];
}

/** Significant figures for a value shown beside a half-width of `hw`. */
function show(x: number, hw: number): string {
  if (!Number.isFinite(hw) || hw === 0) return String(Number(x.toPrecision(3)));
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(hw))));
  return x.toFixed(Math.min(decimals, 6));
}

function welchHalfWidth(a: readonly number[], b: readonly number[]): number {
  const va = sampleSd(a) ** 2 / a.length;
  const vb = sampleSd(b) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  if (a.length < 2 || b.length < 2) return NaN;
  if (se === 0) return 0;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return tQuantile975(Math.max(1, df)) * se;
}

export function pairedDelta(
  figure: PairedFigure,
  label: string,
  unit: string,
  lowerIsBetter: boolean,
  a: readonly number[],
  b: readonly number[],
): PairedDelta {
  const diffs = a.map((x, i) => (b[i] ?? NaN) - x);
  const k = diffs.length;
  const delta = mean(diffs);
  const raw = k >= 2 ? (tQuantile975(k - 1) * sampleSd(diffs)) / Math.sqrt(k) : NaN;
  // Rounding noise (0.325 − 0.225 is not the same double in every seed) is no spread.
  const halfWidth = raw < 1e-9 * Math.max(1, Math.abs(delta)) ? 0 : raw;
  const significant = Number.isFinite(halfWidth) && Math.abs(delta) > halfWidth;
  const verdict: PairedDelta['verdict'] = !significant
    ? 'same'
    : delta < 0 === lowerIsBetter
      ? 'better'
      : 'worse';
  const u = unit === '%' ? ' points' : unit === '$/h' ? ' $/h' : ` ${unit}`;
  // A figure that does not vary with the seed (a fixed design's cost) has no ± to give.
  const size =
    halfWidth === 0
      ? `${show(Math.abs(delta), NaN)}${u}`
      : `${show(Math.abs(delta), halfWidth)} ± ${show(halfWidth, halfWidth)}${u}`;
  const sentence = !Number.isFinite(halfWidth)
    ? `${label}: B − A = ${show(delta, NaN)}${u} (one seed: no interval)`
    : significant
      ? `B's ${label} is ${size} ${delta < 0 ? 'lower' : 'higher'} (${verdict})`
      : `no significant difference in ${label} (B − A = ${show(delta, halfWidth)} ± ${show(halfWidth, halfWidth)}${u})`;
  return {
    figure,
    label,
    unit,
    meanA: mean(a),
    meanB: mean(b),
    delta,
    halfWidth,
    unpairedHalfWidth: welchHalfWidth(a, b),
    significant,
    verdict,
    sentence,
  };
}

/** `a[i]` and `b[i]` ran under the same seed. */
export function pairedComparison(
  docA: Scenario,
  docB: Scenario,
  a: readonly SimResult[],
  b: readonly SimResult[],
): PairedComparison {
  if (a.length !== b.length || a.some((r, i) => r.seed !== b[i]?.seed))
    throw new Error('paired comparison: A and B must run under the same seeds, in the same order');
  const figures = (Object.keys(PAIRED_FIGURES) as Array<keyof typeof PAIRED_FIGURES>).map((k) => {
    const f = PAIRED_FIGURES[k];
    return pairedDelta(k, f.label, f.unit, f.lowerIsBetter, a.map(f.of), b.map(f.of));
  });
  const cost = (doc: Scenario, rs: readonly SimResult[]) =>
    rs.map((r) => designCost(doc, r).perHour);
  figures.push(pairedDelta('costPerHour', 'cost', '$/h', true, cost(docA, a), cost(docB, b)));
  return { seeds: a.map((r) => r.seed), figures };
}
