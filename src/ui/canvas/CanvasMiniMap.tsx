import { MiniMap, useStore } from '@xyflow/react';
import type { ArchFlowNode } from './flowTypes.ts';

/** Smaller than React Flow's 200 × 150: on a narrow canvas the default hid nodes. */
const MINIMAP_STYLE = { width: 150, height: 100 };
/**
 * Below this canvas width the minimap would cover a quarter of the design it maps (at 1024×768
 * with the lesson open the canvas is about 520 px wide and a read replica sat under it), so it
 * is not drawn; zoom and fit-view stay.
 */
const MIN_CANVAS_WIDTH_PX = 600;

const miniNodeClass = (n: ArchFlowNode) => `mini-${n.data.node.type}`;

export function CanvasMiniMap() {
  const roomy = useStore((s) => s.width >= MIN_CANVAS_WIDTH_PX);
  if (!roomy) return null;
  return (
    <MiniMap<ArchFlowNode>
      pannable
      zoomable
      ariaLabel="Mini map"
      nodeClassName={miniNodeClass}
      style={MINIMAP_STYLE}
    />
  );
}
