/** The figures the analyses read off one run's result. */
import type { LatencySummary, SimResult } from '../engine/types.ts';

/** Simulated seconds that were counted: after warm-up. */
export const countedSecondsOf = (r: SimResult): number => Math.max(1e-9, r.durationS - r.warmupS);

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

/** Successful requests per second; with a deadline, only those answered within it. */
export function goodputRps(r: SimResult, deadlineMs?: number): number {
  const okRps = r.requests.ok / countedSecondsOf(r);
  return deadlineMs === undefined ? okRps : okRps * shareWithin(r.latencyMs, deadlineMs);
}
