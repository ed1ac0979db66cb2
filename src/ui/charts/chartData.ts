/**
 * Rows for the charts, read from the metrics buffer in one pass with a bounded number of points
 * (older rows are already averaged by the buffer; here every k-th row is taken).
 */
import { ERROR_REASONS, type ErrorReason } from '../../engine/types.ts';
import {
  globalOffset,
  nodeOffset,
  type FrameLayout,
  type GlobalColumn,
} from '../../worker/frame.ts';
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import { goodputDiffers } from '../run/format.ts';

export const MAX_POINTS = 150;

export type ChartRow = Record<string, number>;

/** A node figure's series key in a chart row: the frame column, then the node id. */
export const nodeKey = (column: string, nodeId: string) => `${column}:${nodeId}`;

/** A node and the frame columns wanted from it. */
export interface NodeSeries {
  id: string;
  columns: readonly string[];
}

const GLOBAL_SERIES: Array<[string, GlobalColumn]> = [
  ['t', 'tS'],
  ['p50', 'p50'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['ok', 'okRps'],
  ['failed', 'failedRps'],
  ['throughput', 'throughputRps'],
  ['goodput', 'goodputRps'],
  ...ERROR_REASONS.map((r): [string, GlobalColumn] => [r, `err_${r}`]),
];

export interface ChartRows {
  rows: ChartRow[];
  /** Error reasons seen at least once, for the stacked chart's series. */
  reasons: ErrorReason[];
  /** The node series (`nodeKey`) with a value in some row, and those whose value changed. */
  seen: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  /** True once goodput fell visibly below ok throughput (late or degraded answers). */
  goodputDiffers: boolean;
}

export function buildRows(
  buffer: MetricsBuffer,
  layout: FrameLayout,
  wanted: readonly NodeSeries[],
  maxPoints = MAX_POINTS,
): ChartRows {
  const series = wanted.flatMap(({ id, columns }) => {
    const index = layout.nodeIds.indexOf(id);
    if (index < 0) return [];
    return columns.flatMap((column) => {
      const offset = nodeOffset(layout, index, column);
      return offset === undefined ? [] : [{ key: nodeKey(column, id), offset }];
    });
  });
  const every = Math.max(1, Math.ceil(buffer.length / maxPoints));
  const rows: ChartRow[] = [];
  const reasons = new Set<ErrorReason>();
  const first = new Map<string, number>();
  const changed = new Set<string>();
  let goodputGap = false;
  buffer.forEachRow((data, at) => {
    const row: ChartRow = {};
    for (const [key, column] of GLOBAL_SERIES) {
      const v = data[at + globalOffset(column)] ?? NaN;
      if (!Number.isNaN(v)) row[key] = v;
    }
    for (const reason of ERROR_REASONS) if ((row[reason] ?? 0) > 0) reasons.add(reason);
    const { ok, goodput } = row;
    if (ok !== undefined && goodput !== undefined && goodputDiffers(ok, goodput)) goodputGap = true;
    for (const { key, offset } of series) {
      const v = data[at + offset] ?? NaN;
      if (Number.isNaN(v)) continue;
      row[key] = v;
      const before = first.get(key);
      if (before === undefined) first.set(key, v);
      else if (before !== v) changed.add(key);
    }
    rows.push(row);
  }, every);
  return {
    rows,
    reasons: ERROR_REASONS.filter((r) => reasons.has(r)),
    seen: new Set(first.keys()),
    changed,
    goodputDiffers: goodputGap,
  };
}

/** The nodes worth a line when nothing is selected: the busiest few (clients have no queue). */
export function busiestNodes(buffer: MetricsBuffer, layout: FrameLayout, limit: number): string[] {
  const latest = buffer.latest();
  if (latest === undefined) return [];
  const [data, at] = latest;
  return layout.nodeIds
    .map((id, index) => ({
      id,
      u: data[at + (nodeOffset(layout, index, 'utilization') ?? NaN)] ?? NaN,
    }))
    .filter((n, index) => layout.nodeTypes[index] !== 'client' && !Number.isNaN(n.u))
    .sort((a, b) => b.u - a.u)
    .slice(0, limit)
    .map((n) => n.id);
}
