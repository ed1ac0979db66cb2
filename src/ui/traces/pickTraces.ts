/**
 * Which traces the view lists: by outcome, by a node they passed through, at least a latency,
 * near a time (a click on a chart: those that ended within a window of it) and near a latency
 * (a click on a latency line: within a factor of its value; of the time spent at the node when
 * one is chosen), slowest first.
 */
import type { Trace } from '../../engine/tracing/types.ts';

export interface TraceFilter {
  outcome: 'all' | 'ok' | 'failed';
  /** Node index the request reached, -1: any. */
  node: number;
  minMs: number;
  /** Ended within `NEAR_S` of this time (s), null: any time. */
  tS: number | null;
  /** Took within `NEAR_FACTOR` of `ms` end to end (node -1) or at node `node`; absent: any. */
  near?: NearLatency | undefined;
}

/** How far from a clicked time a trace may end and still be "near" it: one window. */
export const NEAR_S = 1;
/** How far from a clicked latency a trace's may be and still be "about" it: × or ÷ 1.5. */
export const NEAR_FACTOR = 1.5;

/** The longest time request `t` spent at node `node` (arrival to answer), in s; -1: never there. */
export function timeAtNodeS(t: Trace, node: number): number {
  let most = -1;
  for (const h of t.hops)
    if (h.node === node && h.arriveS >= 0 && h.respondS >= h.arriveS)
      most = Math.max(most, h.respondS - h.arriveS);
  return most;
}

/** A latency read off a chart: end to end (node -1) or at node `node`. */
export interface NearLatency {
  ms: number;
  node: number;
}

/** How far (as a log ratio) trace `t`'s latency is from `near` (Infinity: not at the node). */
function distance(t: Trace, near: NearLatency): number {
  const d = (near.node < 0 ? t.endS - t.startS : timeAtNodeS(t, near.node)) * 1000;
  return d > 0 ? Math.abs(Math.log(d / near.ms)) : Infinity;
}

const nearLatency = (t: Trace, near: NearLatency): boolean =>
  distance(t, near) <= Math.log(NEAR_FACTOR);

/** The `n` of `candidates` at the least finite `distance`, slowest first. */
function closestBy(candidates: Trace[], distance: (t: Trace) => number, n: number): Trace[] {
  return candidates
    .map((t) => ({ t, d: distance(t) }))
    .filter((x) => Number.isFinite(x.d))
    .sort((a, b) => a.d - b.d)
    .slice(0, n)
    .map((x) => x.t)
    .sort((a, b) => b.endS - b.startS - (a.endS - a.startS));
}

/**
 * When no trace is about the clicked latency: the `n` closest to it among those `f` lets
 * through without it, slowest first (a view that says so beats an empty one).
 */
export function closestTo(
  traces: readonly Trace[],
  f: TraceFilter,
  near: NearLatency,
  n: number,
): Trace[] {
  return closestBy(pickTraces(traces, { ...f, near: undefined }), (t) => distance(t, near), n);
}

/**
 * When no kept trace ended near the clicked time (the page keeps a bounded sample, and an
 * outage's failures crowd it): the `n` that ended nearest to it among those `f` lets through
 * without the time and latency, slowest first.
 */
export function nearestInTime(
  traces: readonly Trace[],
  f: TraceFilter,
  tS: number,
  n: number,
): Trace[] {
  const candidates = pickTraces(traces, { ...f, tS: null, near: undefined });
  return closestBy(candidates, (t) => Math.abs(t.endS - tS), n);
}

export function pickTraces(traces: readonly Trace[], f: TraceFilter): Trace[] {
  return traces
    .filter(
      (t) =>
        (f.outcome === 'all' || (f.outcome === 'ok') === (t.status === 0)) &&
        (f.node < 0 || t.hops.some((h) => h.node === f.node && h.arriveS >= 0)) &&
        (t.endS - t.startS) * 1000 >= f.minMs &&
        (f.tS === null || Math.abs(t.endS - f.tS) <= NEAR_S) &&
        (f.near === undefined || nearLatency(t, f.near)),
    )
    .sort((a, b) => b.endS - b.startS - (a.endS - a.startS));
}
