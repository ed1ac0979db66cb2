/** The figures the analyses read off one run's result. */
import type { LatencySummary, SimResult } from '../engine/types.ts';

/** Simulated seconds that were counted: after warm-up, up to where the run stopped. */
export const countedSecondsOf = (r: SimResult): number =>
  Math.max(1e-9, (r.truncated?.atS ?? r.durationS) - r.warmupS);

/**
 * The share of requests at or under `ms`, from the latency summary's percentiles: the CDF drawn
 * piecewise-linear through (0, 0), (p50, .5), (p90, .9), (p95, .95), (p99, .99), (max, 1).
 * An estimate: exact at the percentiles, linear between them.
 */
export function shareWithin(l: LatencySummary, ms: number): number {
  const knots: Array<[number, number]> = [
    [0, 0],
    [l.p50, 0.5],
    [l.p90, 0.9],
    [l.p95, 0.95],
    [l.p99, 0.99],
    [l.max, 1],
  ];
  if (ms >= l.max) return 1;
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i] ?? [0, 0];
    const [x0, y0] = knots[i - 1] ?? [0, 0];
    if (ms <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (ms - x0)) / (x1 - x0);
  }
  return 1;
}

/**
 * Successful requests per second. Without a deadline: the engine's goodput when it reports one
 * (answers that were neither fallbacks nor late for the client's own deadline), else all
 * answers. With a deadline: only the answers within it, estimated from the percentiles.
 */
export function goodputRps(r: SimResult, deadlineMs?: number): number {
  if (deadlineMs === undefined) return r.goodputRps ?? r.throughputRps;
  return r.throughputRps * shareWithin(r.latencyMs, deadlineMs);
}
