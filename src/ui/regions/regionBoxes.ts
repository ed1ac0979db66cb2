/**
 * The rectangle drawn behind each region's nodes: the box around them, padded, with room above
 * for the region's label. Pure, so the canvas layer only draws what this returns.
 */
import { regionOf, type Region } from '../../model/regions.ts';

export interface PlacedNode {
  region?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RegionBox {
  name: string;
  /** The region's place in the document's list: its colour. */
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  nodes: number;
}

/** Space between the nodes and the box's sides, and above them for the label. */
export const BOX_PAD = 24;
export const LABEL_ROOM = 26;

export function regionBoxes(regions: readonly Region[], nodes: readonly PlacedNode[]): RegionBox[] {
  const boxes: RegionBox[] = [];
  regions.forEach((r, index) => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let count = 0;
    for (const n of nodes) {
      if (regionOf(n, regions) !== r.name) continue;
      count++;
      x0 = Math.min(x0, n.x);
      y0 = Math.min(y0, n.y);
      x1 = Math.max(x1, n.x + n.width);
      y1 = Math.max(y1, n.y + n.height);
    }
    if (count === 0) return;
    boxes.push({
      name: r.name,
      index,
      x: x0 - BOX_PAD,
      y: y0 - BOX_PAD - LABEL_ROOM,
      width: x1 - x0 + 2 * BOX_PAD,
      height: y1 - y0 + 2 * BOX_PAD + LABEL_ROOM,
      nodes: count,
    });
  });
  return boxes;
}

/** A region's hue: well apart for the first few, so neighbouring regions read as different. */
export const regionHue = (index: number): number => (205 + index * 137.5) % 360;
