// STUB owned by the run/worker helper: throttled live figures for the canvas overlay.
import type { EdgeWindow, NodeWindow } from '../../engine/types.ts';

/** The latest window's figures for one node, or undefined when nothing has run. */
export function useLiveNodeStats(_nodeId: string): NodeWindow | undefined {
  return undefined;
}

/** The latest window's figures for one edge, or undefined when nothing has run. */
export function useLiveEdgeStats(_edgeId: string): EdgeWindow | undefined {
  return undefined;
}
