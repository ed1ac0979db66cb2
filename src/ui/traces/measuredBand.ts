/**
 * "≥ p99" and "≤ p50" on a listed trace mean what the charts mean: the client's measured
 * percentiles, not quantiles of the kept traces (tail capture keeps the slowest of every window,
 * so the kept ones are far slower than the requests they were picked from). A trace is compared
 * with the window it ended in, as the latency chart shows it; with the whole run's figures once
 * the run is over and that window has left the charts' buffer.
 */
import type { SimResult } from '../../engine/types.ts';
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import { globalOffset } from '../../worker/frame.ts';

/** Measured end-to-end latency percentiles over [startS, endS] (ms, as the engine reports). */
export interface MeasuredWindow {
  startS: number;
  endS: number;
  p50Ms: number;
  p99Ms: number;
}

export type Band = '≥ p99' | '≤ p50' | '';

/** The charts' windows, oldest first, with end-to-end p50 and p99 (windows without OK answers left out). */
export function measuredWindows(buffer: MetricsBuffer): MeasuredWindow[] {
  const out: MeasuredWindow[] = [];
  const [t, start, p50, p99] = (['tS', 'startS', 'p50', 'p99'] as const).map(globalOffset);
  buffer.forEachRow((d, at) => {
    const w = {
      startS: d[at + start!]!,
      endS: d[at + t!]!,
      p50Ms: d[at + p50!]!,
      p99Ms: d[at + p99!]!,
    };
    if (Number.isFinite(w.p50Ms) && Number.isFinite(w.p99Ms)) out.push(w);
  });
  return out;
}

/** The window (of `windows`, oldest first) that holds time `tS`, or undefined. */
function windowAt(windows: readonly MeasuredWindow[], tS: number): MeasuredWindow | undefined {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = windows[mid]!;
    if (tS < w.startS) hi = mid - 1;
    else if (tS > w.endS) lo = mid + 1;
    else return w;
  }
  return undefined;
}

/** The measured percentiles a request that ended at `endS` is compared with (ms), if any. */
export function percentilesFor(
  endS: number,
  windows: readonly MeasuredWindow[],
  run: SimResult | null,
): { p50Ms: number; p99Ms: number } | undefined {
  const w = windowAt(windows, endS);
  if (w !== undefined) return w;
  if (run === null || run.requests.ok === 0) return undefined;
  return { p50Ms: run.latencyMs.p50, p99Ms: run.latencyMs.p99 };
}

/** A request of `latencyS` that ended at `endS`, against the measured percentiles there. */
export function bandOf(
  latencyS: number,
  endS: number,
  windows: readonly MeasuredWindow[],
  run: SimResult | null,
): Band {
  const p = percentilesFor(endS, windows, run);
  if (p === undefined) return '';
  const ms = latencyS * 1000;
  return ms >= p.p99Ms ? '≥ p99' : ms <= p.p50Ms ? '≤ p50' : '';
}
