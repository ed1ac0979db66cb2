/**
 * The minimap, which the user may hide or show (a button among the zoom controls, remembered in
 * this browser). Without a choice it is hidden on a canvas narrower than MIN_CANVAS_WIDTH_PX,
 * where it would cover a quarter of the design it maps.
 */
import { ControlButton, MiniMap, useStore } from '@xyflow/react';
import { useCollapsed, usePanels } from '../layout/panelPrefs.ts';
import type { ArchFlowNode } from './flowTypes.ts';

/** Smaller than React Flow's 200 × 150: on a narrow canvas the default hid nodes. */
export const MINIMAP_SIZE = { width: 150, height: 100 };
const MIN_CANVAS_WIDTH_PX = 600;

const miniNodeClass = (n: ArchFlowNode) => `mini-${n.data.node.type}`;

/** Whether the minimap is shown: the user's choice, else on a canvas wide enough. */
export function useMinimapOpen(): boolean {
  const narrow = useStore((s) => s.width > 0 && s.width < MIN_CANVAS_WIDTH_PX);
  return !useCollapsed('minimap', narrow);
}

export function MinimapToggle({ open }: { open: boolean }) {
  const setCollapsed = usePanels((s) => s.setCollapsed);
  return (
    <ControlButton
      onClick={() => setCollapsed('minimap', open)}
      aria-label={open ? 'Hide minimap' : 'Show minimap'}
      title={open ? 'Hide the minimap' : 'Show the minimap'}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1" fill="none" stroke="currentColor" />
        <rect x="8" y="8" width="5" height="4" fill="currentColor" />
      </svg>
    </ControlButton>
  );
}

export function CanvasMiniMap() {
  return (
    <MiniMap<ArchFlowNode>
      pannable
      zoomable
      ariaLabel="Mini map"
      nodeClassName={miniNodeClass}
      style={MINIMAP_SIZE}
    />
  );
}
