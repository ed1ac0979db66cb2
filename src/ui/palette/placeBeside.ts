/**
 * Where click-to-add puts a node of a kind next to the selected one, and how they connect: the
 * selected node calls the new one when the rules allow it (placed to its right), else the new
 * one calls the selected one (placed to its left), else they stay apart (placed to its right).
 * The spot moves down past nodes already there, so repeated clicks fan out instead of stacking;
 * with nothing selected, the palette starts from the canvas's centre the same way.
 */
import { canConnect, edgeKindBetween } from '../../model/connections.ts';
import type { EdgeKind, NodeType, Position, ScenarioNode } from '../../model/types.ts';

export const NODE_BOX = { width: 180, height: 72 };
/** The gap between the selected node and the new one, and between stacked new ones. */
const GAP = { x: 90, y: 30 };

export interface Placement {
  position: Position;
  /** The edge to draw, new node written as null; absent when no edge is legal. */
  link?: { source: string | null; target: string | null; kind: EdgeKind };
}

type Box = Position & { width: number; height: number };

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export function placeBeside(
  selected: ScenarioNode,
  type: NodeType,
  nodes: readonly ScenarioNode[],
  sizeOf: (id: string) => { width: number; height: number } = () => NODE_BOX,
): Placement {
  const own = sizeOf(selected.id);
  const forward = edgeKindBetween(selected.type, type);
  const backward = edgeKindBetween(type, selected.type);
  let link: Placement['link'];
  let x = selected.position.x + own.width + GAP.x;
  if (canConnect(selected.type, type, forward).ok) {
    link = { source: selected.id, target: null, kind: forward };
  } else if (canConnect(type, selected.type, backward).ok) {
    link = { source: null, target: selected.id, kind: backward };
    x = selected.position.x - NODE_BOX.width - GAP.x;
  }
  const position = firstFreeSpot({ x, y: selected.position.y }, nodes, sizeOf);
  return { position, ...(link ? { link } : {}) };
}

/** The first spot at or below `at` where a new node overlaps none of `nodes`. */
export function firstFreeSpot(
  at: Position,
  nodes: readonly ScenarioNode[],
  sizeOf: (id: string) => { width: number; height: number } = () => NODE_BOX,
): Position {
  const boxes = nodes.map((n) => ({ ...n.position, ...sizeOf(n.id) }));
  const spot = { x: Math.round(at.x), y: Math.round(at.y), ...NODE_BOX };
  while (boxes.some((b) => overlaps(spot, b))) spot.y += NODE_BOX.height + GAP.y;
  return { x: spot.x, y: spot.y };
}
