/**
 * Where a click on a chart asks the Traces view to look. Always near the clicked time; on the
 * errors chart, at the failed requests; on a latency chart, at requests whose latency is near
 * the clicked value: the value of the nearest line (p99, p50…) when the click is close to one,
 * else the value under the pointer; on a node's own charts, at requests through that node (and
 * on its latency chart, by the time they spent at it).
 */
import { COMMON_FIGURES, LATENCY_CHART, type FigureDescriptor } from '../../model/kinds/figures.ts';
import type { ChartRow } from '../charts/chartData.ts';
import type { PlotSpec } from '../charts/plotSvg.ts';
import type { TraceFocus } from './liveTraces.ts';

/** A click within this factor of a line's value is on that line (the latency axis is log). */
export const SNAP_FACTOR = 1.35;

/** The figures of a node's "latency at this node" chart. */
const NODE_LATENCY: ReadonlySet<string> = new Set(
  (COMMON_FIGURES as readonly FigureDescriptor[])
    .filter((f) => f.chart?.group === LATENCY_CHART.group)
    .map((f) => f.key),
);

/** The node a node chart's series belong to (series keys are `figure:nodeId`, chartData.ts). */
function nodeOfSeries(key: string): { figure: string; nodeId: string } | null {
  const i = key.indexOf(':');
  return i < 0 ? null : { figure: key.slice(0, i), nodeId: key.slice(i + 1) };
}

/**
 * Series `key`'s value at the row nearest `tS` that has one, if that row is within a step of
 * rows of `tS` (a click at the end of a line, beside a gap, still reads the line's last value).
 */
function valueNear(rows: readonly ChartRow[], key: string, tS: number): number | undefined {
  const n = rows.length;
  // One row: the only value there is.
  let gap = n > 1 ? (((rows[n - 1]!['t'] ?? 0) - (rows[0]!['t'] ?? 0)) / (n - 1)) * 1.5 : Infinity;
  let best: number | undefined;
  for (const r of rows) {
    const v = r[key];
    const d = Math.abs((r['t'] ?? 0) - tS);
    if (v !== undefined && d <= gap) [best, gap] = [v, d];
  }
  return best;
}

/** The line nearest to `v` near time `tS` (by ratio), if within SNAP_FACTOR of it. */
function nearestLine(spec: PlotSpec, tS: number, v: number): { name: string; v: number } | null {
  let best: { name: string; v: number } | null = null;
  let gap = Math.log(SNAP_FACTOR);
  for (const s of spec.series) {
    const sv = valueNear(spec.rows, s.key, tS);
    if (sv === undefined || !(sv > 0)) continue;
    const d = Math.abs(Math.log(v / sv));
    if (d <= gap) [best, gap] = [{ name: s.name, v: sv }, d];
  }
  return best;
}

/** The focus of a click at time `tS`, value `v` (undefined: off the axis) on chart `spec`. */
export function focusOfClick(
  tS: number,
  v: number | undefined,
  spec: PlotSpec,
): Partial<TraceFocus> {
  if (spec.key === 'errors') return { tS, failedOnly: true };
  const isNode = spec.key.startsWith('node:');
  const first = isNode && spec.series[0] ? nodeOfSeries(spec.series[0].key) : null;
  const nodeId = first?.nodeId ?? null;
  const latency = spec.key === 'latency' || (first !== null && NODE_LATENCY.has(first.figure));
  if (!latency || v === undefined || !(v > 0)) return { tS, nodeId };
  const line = nearestLine(spec, tS, v);
  return {
    tS,
    nodeId,
    nearMs: line?.v ?? v,
    nearName: line?.name ?? null,
  };
}
