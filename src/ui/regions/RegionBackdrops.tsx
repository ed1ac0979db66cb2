/**
 * Regions drawn behind their nodes on the canvas: one labelled rectangle per region around the
 * nodes running there (regionBoxes.ts), its users' live p99 and success share beside its name
 * (RegionLive.tsx). It renders in React Flow's viewport, below nodes and
 * edges, and re-renders only when a box changes (the selector returns a string, worked out again
 * only when the nodes change), so a 100-node design pays a few divs, not a pass over its nodes
 * per frame of panning.
 */
import { useMemo } from 'react';
import { ViewportPortal, useStore, type ReactFlowState } from '@xyflow/react';
import { useAppStore } from '../../store/index.ts';
import type { Region } from '../../model/regions.ts';
import type { ArchNodeData } from '../canvas/flowTypes.ts';
import { regionBoxes, regionHue, type PlacedNode, type RegionBox } from './regionBoxes.ts';
import { RegionLive } from './RegionLive.tsx';
import './regions.css';

/** The usual size of a node before React Flow has measured it. */
const UNMEASURED = { width: 180, height: 64 };

/**
 * The boxes as a string, from React Flow's store. The selector runs on every change of that
 * store, each pointer move of a pan included; the boxes change only with the nodes (moved, or a
 * size measured: a new node list), so they are worked out again only then.
 */
function boxesSelector(regions: readonly Region[] | undefined) {
  let seen: ReactFlowState['nodes'] | undefined;
  let key = '[]';
  return (s: ReactFlowState): string => {
    if (s.nodes === seen) return key;
    seen = s.nodes;
    if (regions === undefined || regions.length === 0) return (key = '[]');
    const placed: PlacedNode[] = [];
    for (const n of s.nodeLookup.values()) {
      const { x, y } = n.internals.positionAbsolute;
      const region = (n.data as ArchNodeData).node.region;
      placed.push({
        ...(region === undefined ? {} : { region }),
        x,
        y,
        width: n.measured.width ?? UNMEASURED.width,
        height: n.measured.height ?? UNMEASURED.height,
      });
    }
    key = JSON.stringify(regionBoxes(regions, placed));
    return key;
  };
}

export function RegionBackdrops() {
  const regions = useAppStore((s) => s.doc.regions);
  const select = useMemo(() => boxesSelector(regions), [regions]);
  const key = useStore(select);
  const boxes = useMemo(() => JSON.parse(key) as RegionBox[], [key]);
  if (boxes.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="region-backdrops" aria-hidden="true">
        {boxes.map((b) => (
          <div
            key={b.name}
            className="region-box"
            data-region={b.name}
            style={{
              transform: `translate(${b.x}px, ${b.y}px)`,
              width: b.width,
              height: b.height,
              ['--region-hue' as string]: regionHue(b.index),
            }}
          >
            <span className="region-box__label">
              {b.name}
              <RegionLive name={b.name} />
            </span>
          </div>
        ))}
      </div>
    </ViewportPortal>
  );
}
