/**
 * "Tidy layout": the design laid out in tiers, left to right (callers before the nodes they
 * call), with ELK's layered algorithm. elkjs is large (about 450 KB gzipped), so this module is
 * its own chunk, loaded when Tidy layout is first pressed.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Position, Scenario } from '../model/types.ts';

/** Node box used for layout when the canvas has not measured a node yet. */
const DEFAULT_SIZE = { width: 180, height: 72 };

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.componentComponent': '60',
  // Within a tier, keep the document's order where it does not add crossings: a tidy design
  // reads the way it was written.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutPositions(
  doc: Scenario,
  sizes: Record<string, { width: number; height: number }> = {},
): Promise<Record<string, Position>> {
  elk ??= new ELK();
  const ids = new Set(doc.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: LAYERED,
    children: doc.nodes.map((n) => ({ id: n.id, ...DEFAULT_SIZE, ...sizes[n.id] })),
    edges: doc.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out: Record<string, Position> = {};
  // ELK gives top-left corners, as React Flow wants.
  for (const child of graph.children ?? []) {
    out[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return out;
}
