/**
 * Live figures for the canvas overlay: each node and edge reads its own numbers from the newest
 * window, at most LIVE_INTERVAL_MS apart, and re-renders only when they changed noticeably (so
 * a hundred nodes do not all redraw for a flicker in the third digit).
 */
import type { EdgeWindow, NodeWindow, RegionWindow } from '../../engine/types.ts';
import { globalOffset, readEdge, readNode, readRegion } from '../../worker/frame.ts';
import type { MetricsHub } from '../../store/metricsHub.ts';

/** Relative change below which a figure counts as unchanged. */
const NOTICEABLE = 0.02;

function close(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= NOTICEABLE * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}

export function nearlyEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    const x = ra[k];
    const y = rb[k];
    if (typeof x === 'number' || typeof y === 'number') {
      if (!close(x as number | undefined, y as number | undefined)) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** Keeps the last object handed out per id, replacing it only on a noticeable change. */
function createLiveReader<T extends object>(
  hub: MetricsHub,
  read: (hub: MetricsHub, id: string) => T | undefined,
) {
  const cache = new Map<string, { version: number; value: T | undefined }>();
  return (id: string): T | undefined => {
    const version = hub.live.getVersion();
    const held = cache.get(id);
    if (held !== undefined && held.version === version) return held.value;
    const fresh = read(hub, id);
    const value = held !== undefined && nearlyEqual(held.value, fresh) ? held.value : fresh;
    cache.set(id, { version, value });
    return value;
  };
}

function readNodeOf(hub: MetricsHub, id: string): NodeWindow | undefined {
  const layout = hub.layout;
  const latest = hub.buffer.latest();
  const index = layout?.nodeIds.indexOf(id) ?? -1;
  if (layout === undefined || latest === undefined || index < 0) return undefined;
  return readNode(layout, latest[0], latest[1] / layout.stride, index);
}

function readEdgeOf(hub: MetricsHub, id: string): EdgeWindow | undefined {
  const layout = hub.layout;
  const latest = hub.buffer.latest();
  const index = layout?.edgeIds.indexOf(id) ?? -1;
  if (layout === undefined || latest === undefined || index < 0) return undefined;
  return readEdge(layout, latest[0], latest[1] / layout.stride, index);
}

export function createLiveStats(hub: MetricsHub) {
  return { node: createLiveReader(hub, readNodeOf), edge: createLiveReader(hub, readEdgeOf) };
}

/** Every node's, edge's and region's figures in the newest window, and its end (simulated s). */
export function latestNodeWindows(hub: MetricsHub):
  | {
      tS: number;
      nodes: Record<string, NodeWindow>;
      edges: Record<string, EdgeWindow>;
      regions: Record<string, RegionWindow>;
    }
  | undefined {
  const layout = hub.layout;
  const latest = hub.buffer.latest();
  if (layout === undefined || latest === undefined) return undefined;
  const row = latest[1] / layout.stride;
  const nodes: Record<string, NodeWindow> = {};
  layout.nodeIds.forEach((id, i) => (nodes[id] = readNode(layout, latest[0], row, i)));
  const edges: Record<string, EdgeWindow> = {};
  layout.edgeIds.forEach((id, i) => (edges[id] = readEdge(layout, latest[0], row, i)));
  const regions: Record<string, RegionWindow> = {};
  layout.regionNames.forEach((name, i) => (regions[name] = readRegion(layout, latest[0], row, i)));
  return { tS: latest[0][latest[1] + globalOffset('tS')] ?? NaN, nodes, edges, regions };
}
