/** "Tidy layout": dagre, left to right, over the document's nodes and edges. */
import dagre from '@dagrejs/dagre';
import type { Position, Scenario } from '../model/types.ts';

/** Node box used for layout when the canvas has not measured a node yet. */
const DEFAULT_SIZE = { width: 180, height: 72 };

export function layoutPositions(
  doc: Scenario,
  sizes: Record<string, { width: number; height: number }> = {},
): Record<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { ...DEFAULT_SIZE, ...sizes[n.id] });
  for (const e of doc.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out: Record<string, Position> = {};
  for (const n of doc.nodes) {
    const placed = g.node(n.id);
    const size = { ...DEFAULT_SIZE, ...sizes[n.id] };
    // dagre gives centres; React Flow positions are top-left corners.
    out[n.id] = {
      x: Math.round(placed.x - size.width / 2),
      y: Math.round(placed.y - size.height / 2),
    };
  }
  return out;
}
