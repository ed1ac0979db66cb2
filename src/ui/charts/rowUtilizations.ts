/**
 * Every node's utilization in one buffer row, in the layout's order: what the busiest-nodes
 * ranking and the heatmap read. In the buffer a node's columns are 300 bytes apart (a row is
 * 30 KB on 100 nodes), so each value read there is a cache miss: the two read 90,000–180,000
 * of them a draw on 100–200 nodes. A draw's pass keeps each held row's values from the last
 * draw (rowMemo.ts), so only the rows that came since are read from the buffer, once for both.
 */
import type { FrameLayout } from '../../worker/frame.ts';
import { nodeOffset } from '../../worker/frame.ts';
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import { RowMemo } from './rowMemo.ts';

export type UtilizationsOf = (data: Float64Array, at: number) => Float64Array;

/** Reads a row's utilizations from the buffer (NaN: not reported), every time it is asked. */
export function readUtilizations(layout: FrameLayout): UtilizationsOf {
  const offsets = layout.nodeIds.map((_, i) => nodeOffset(layout, i, 'utilization') ?? -1);
  // A plain loop: Float64Array.from with a mapping function took several times as long.
  return (data, at) => {
    const u = new Float64Array(offsets.length);
    for (let i = 0; i < offsets.length; i++) {
      const o = offsets[i] ?? -1;
      u[i] = o < 0 ? NaN : (data[at + o] ?? NaN);
    }
    return u;
  };
}

/** Remembers each row's utilizations from one draw to the next (LiveCharts keeps one). */
export const utilizationMemo = () => new RowMemo<Float64Array>();

/**
 * One draw's reading of the rows' utilizations through `memo`: `of` for every reader in the
 * draw, then `end()` (rows no reader asked for are let go).
 */
export function utilizationPass(
  memo: RowMemo<Float64Array>,
  layout: FrameLayout,
): { of: UtilizationsOf; end: () => void } {
  const read = readUtilizations(layout);
  memo.begin(signatureOf(layout));
  return { of: (data, at) => memo.get(data, at, () => read(data, at)), end: () => memo.end() };
}

/** The columns read: a new layout's rows are never taken for the last one's. */
const signatureOf = (layout: FrameLayout) =>
  JSON.stringify(layout.nodeIds.map((_, i) => nodeOffset(layout, i, 'utilization')));

/**
 * Reads the utilizations of the buffer's rows not yet in `memo` until `now()` passes `deadline`
 * (a frame's share, ahead of a draw); true when some are left.
 */
export function warmUtilizations(
  memo: RowMemo<Float64Array>,
  buffer: MetricsBuffer,
  layout: FrameLayout,
  deadline: number,
  now: () => number,
): boolean {
  memo.begin(signatureOf(layout));
  return memo.fill((visit) => buffer.forEachRow(visit), readUtilizations(layout), deadline, now);
}
