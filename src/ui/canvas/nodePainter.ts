/**
 * Where the canvas's live figures go: every node's overlay element by node id (registered by
 * the overlay itself, so a live tick finds them without searching the DOM: at 1,000 nodes that
 * search took about 20 ms a second), and how a node drawn between two live ticks gets its
 * figures at once. LiveLayer sets the painter when its chunk arrives (after the first paint);
 * until then there is no run to show, so a node paints nothing. The indirection keeps the chips,
 * the live view and the metrics hub out of the first paint's JavaScript.
 */
import type { ScenarioNode } from '../../model/types.ts';

type NodePainter = (el: HTMLElement, node: ScenarioNode) => void;

let painter: NodePainter | null = null;
const overlays = new Map<string, HTMLElement>();

export function setNodePainter(next: NodePainter | null): void {
  painter = next;
}

export function paintNodeNow(el: HTMLElement, node: ScenarioNode): void {
  painter?.(el, node);
}

/** Registers the overlay of node `id`; returns what unregisters it (when it is unmounted). */
export function registerOverlay(id: string, el: HTMLElement): () => void {
  overlays.set(id, el);
  return () => {
    if (overlays.get(id) === el) overlays.delete(id);
  };
}

/** The overlays on the canvas now, by node id. */
export const nodeOverlays = (): ReadonlyMap<string, HTMLElement> => overlays;
