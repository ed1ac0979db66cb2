/**
 * Which traces the view lists: by outcome, by a node they passed through, at least a latency,
 * and near a time (a click on a chart: those that ended within a window of it), slowest first.
 */
import type { Trace } from '../../engine/tracing/types.ts';

export interface TraceFilter {
  outcome: 'all' | 'ok' | 'failed';
  /** Node index the request reached, -1: any. */
  node: number;
  minMs: number;
  /** Ended within `nearS` of this time (s), null: any time. */
  tS: number | null;
}

/** How far from a clicked time a trace may end and still be "near" it: one window. */
export const NEAR_S = 1;

export function pickTraces(traces: readonly Trace[], f: TraceFilter): Trace[] {
  return traces
    .filter(
      (t) =>
        (f.outcome === 'all' || (f.outcome === 'ok') === (t.status === 0)) &&
        (f.node < 0 || t.hops.some((h) => h.node === f.node && h.arriveS >= 0)) &&
        (t.endS - t.startS) * 1000 >= f.minMs &&
        (f.tS === null || Math.abs(t.endS - f.tS) <= NEAR_S),
    )
    .sort((a, b) => b.endS - b.startS - (a.endS - a.startS));
}

/** The latency below which `q` of the sampled requests fall (head-sampled: an unbiased view). */
export function sampledQuantileS(traces: readonly Trace[], q: number): number | null {
  const d = traces
    .filter((t) => t.why === 'head')
    .map((t) => t.endS - t.startS)
    .sort((a, b) => a - b);
  if (d.length === 0) return null;
  return d[Math.min(d.length - 1, Math.floor(q * d.length))]!;
}
