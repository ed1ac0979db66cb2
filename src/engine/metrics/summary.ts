/** Rounding and latency summaries shared by the windows and the results. */
import type { LatencySummary } from '../types.ts';
import type { Histogram } from './histogram.ts';

/** Round to 4 decimals: µs-level precision for ms, and stable, readable JSON. */
export function r4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export function summarize(h: Histogram): LatencySummary {
  return {
    mean: r4(h.mean),
    p50: r4(h.quantile(0.5)),
    p90: r4(h.quantile(0.9)),
    p95: r4(h.quantile(0.95)),
    p99: r4(h.quantile(0.99)),
    max: r4(h.max),
  };
}
