/**
 * What the canvas shows of the newest metric window: per node its chip figures, per edge its rate
 * and how its calls ended, and the current bottleneck. Read straight from the packed frame row
 * (column offsets worked out once per layout), so a tick over 500 nodes allocates a few small
 * objects, not a window of thousands.
 */
import { hasWorkers } from '../../model/kinds/index.ts';
import { edgeOffset, globalOffset, nodeOffset, type FrameLayout } from '../../worker/frame.ts';

/** Below this utilization no node is called the bottleneck: nothing is near its limit yet. */
export const BOTTLENECK_MIN_UTILIZATION = 0.7;

const BREAKERS = ['closed', 'open', 'halfOpen'] as const;
export type BreakerState = (typeof BREAKERS)[number];

export interface NodeLive {
  /** Requests answered successfully per second. */
  okRps: number;
  /** Requests that reached the node per second (for a client: what it sends). */
  arrivalRps: number;
  p99Ms: number;
  utilization: number;
  replicas: number | undefined;
  healthyReplicas: number | undefined;
  hitRatio: number | undefined;
}

export interface EdgeLive {
  /** Calls per second, every attempt counted. */
  rps: number;
  /** Shares of the calls that succeeded, failed, and were refused by the caller's breaker. */
  ok: number;
  error: number;
  rejected: number;
  breaker: BreakerState | undefined;
}

export interface LiveView {
  nodes: Map<string, NodeLive>;
  edges: Map<string, EdgeLive>;
  /** The busiest node at or above BOTTLENECK_MIN_UTILIZATION, if any. */
  bottleneck: string | undefined;
}

interface Offsets {
  lengthS: number;
  node: Array<Record<keyof typeof NODE_COLUMNS, number | undefined>>;
  edge: Array<Record<'calls' | 'failed' | 'refused' | 'breaker', number>>;
}

const NODE_COLUMNS = {
  arrivals: 'arrivals',
  ok: 'ok',
  p99Ms: 'p99Ms',
  utilization: 'utilization',
  replicas: 'replicas',
  healthyReplicas: 'healthyReplicas',
  hitRatio: 'hitRatio',
} as const;

const offsetsByLayout = new WeakMap<FrameLayout, Offsets>();

function offsetsOf(layout: FrameLayout): Offsets {
  const known = offsetsByLayout.get(layout);
  if (known !== undefined) return known;
  const entries = Object.entries(NODE_COLUMNS) as Array<[keyof typeof NODE_COLUMNS, string]>;
  const offsets: Offsets = {
    lengthS: globalOffset('lengthS'),
    node: layout.nodeIds.map(
      (_, i) =>
        Object.fromEntries(
          entries.map(([k, column]) => [k, nodeOffset(layout, i, column)]),
        ) as Offsets['node'][number],
    ),
    edge: layout.edgeIds.map((_, i) => ({
      calls: edgeOffset(layout, i, 'calls'),
      failed: edgeOffset(layout, i, 'failed'),
      refused: edgeOffset(layout, i, 'refused'),
      breaker: edgeOffset(layout, i, 'breaker'),
    })),
  };
  offsetsByLayout.set(layout, offsets);
  return offsets;
}

/** A number from the row, or undefined for a missing column or a NaN (figure absent). */
function at(data: Float64Array, row: number, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  const v = data[row + offset];
  return v === undefined || Number.isNaN(v) ? undefined : v;
}

/** The view of the window whose row starts at `row` in `data`. */
export function readLiveView(layout: FrameLayout, data: Float64Array, row: number): LiveView {
  const o = offsetsOf(layout);
  const lengthS = at(data, row, o.lengthS) ?? 0;
  const perS = (count: number | undefined) => (lengthS > 0 ? (count ?? 0) / lengthS : 0);
  const nodes = new Map<string, NodeLive>();
  let bottleneck: string | undefined;
  let busiest = BOTTLENECK_MIN_UTILIZATION;
  layout.nodeIds.forEach((id, i) => {
    const c = o.node[i];
    if (c === undefined) return;
    const utilization = at(data, row, c.utilization) ?? 0;
    nodes.set(id, {
      okRps: perS(at(data, row, c.ok)),
      arrivalRps: perS(at(data, row, c.arrivals)),
      p99Ms: at(data, row, c.p99Ms) ?? NaN,
      utilization,
      replicas: at(data, row, c.replicas),
      healthyReplicas: at(data, row, c.healthyReplicas),
      hitRatio: at(data, row, c.hitRatio),
    });
    if (hasWorkers(layout.nodeTypes[i]) && utilization >= busiest) {
      busiest = utilization;
      bottleneck = id;
    }
  });
  const edges = new Map<string, EdgeLive>();
  layout.edgeIds.forEach((id, i) => {
    const c = o.edge[i];
    if (c === undefined) return;
    const calls = at(data, row, c.calls) ?? 0;
    // Breaker refusals are failed calls too ('circuitOpen'): shown apart, as rejected.
    const failed = Math.min(calls, at(data, row, c.failed) ?? 0);
    const refused = Math.min(failed, at(data, row, c.refused) ?? 0);
    const share = (n: number) => (calls > 0 ? n / calls : 0);
    const code = at(data, row, c.breaker);
    edges.set(id, {
      rps: perS(calls),
      ok: share(calls - failed),
      error: share(failed - refused),
      rejected: share(refused),
      breaker: code === undefined ? undefined : BREAKERS[code],
    });
  });
  return { nodes, edges, bottleneck };
}
