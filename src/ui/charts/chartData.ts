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

/** Node figures drawn per node: key prefix → column. */
const NODE_SERIES = {
  u: 'utilization',
  q: 'queueLength',
  h: 'hitRatio',
  r: 'replicas',
  t: 'throughputRps',
  p50: 'p50Ms',
  p99: 'p99Ms',
} as const;

export type NodeSeries = keyof typeof NODE_SERIES;

export const nodeKey = (series: NodeSeries, nodeId: string) => `${series}:${nodeId}`;

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
  /** Nodes whose replica count changed during the run. */
  varyingReplicas: string[];
  /** True once goodput fell visibly below ok throughput (late or degraded answers). */
  goodputDiffers: boolean;
}

export function buildRows(
  buffer: MetricsBuffer,
  layout: FrameLayout,
  nodeIds: readonly string[],
  maxPoints = MAX_POINTS,
): ChartRows {
  const nodes = nodeIds
    .map((id) => ({ id, index: layout.nodeIds.indexOf(id) }))
    .filter((n) => n.index >= 0);
  const every = Math.max(1, Math.ceil(buffer.length / maxPoints));
  const rows: ChartRow[] = [];
  const reasons = new Set<ErrorReason>();
  const replicaSeen = new Map<string, number>();
  const varying = new Set<string>();
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
    for (const { id, index } of nodes) {
      for (const [series, column] of Object.entries(NODE_SERIES)) {
        const v = data[at + nodeOffset(index, column)] ?? NaN;
        if (Number.isNaN(v)) continue;
        row[`${series}:${id}`] = v;
        if (series === 'r') {
          const before = replicaSeen.get(id);
          if (before !== undefined && before !== v) varying.add(id);
          replicaSeen.set(id, v);
        }
      }
    }
    rows.push(row);
  }, every);
  return {
    rows,
    reasons: ERROR_REASONS.filter((r) => reasons.has(r)),
    varyingReplicas: [...varying],
    goodputDiffers: goodputGap,
  };
}

/** The nodes worth a line when nothing is selected: the busiest few (clients have no queue). */
export function busiestNodes(buffer: MetricsBuffer, layout: FrameLayout, limit: number): string[] {
  const latest = buffer.latest();
  if (latest === undefined) return [];
  const [data, at] = latest;
  return layout.nodeIds
    .map((id, index) => ({ id, u: data[at + nodeOffset(index, 'utilization')] ?? NaN }))
    .filter((n, index) => layout.nodeTypes[index] !== 'client' && !Number.isNaN(n.u))
    .sort((a, b) => b.u - a.u)
    .slice(0, limit)
    .map((n) => n.id);
}
