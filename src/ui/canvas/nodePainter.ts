/**
 * How a node drawn between two live ticks gets its figures at once. LiveLayer sets the painter
 * when its chunk arrives (after the first paint); until then there is no run to show, so a node
 * paints nothing. The indirection keeps the chips, the live view and the metrics hub out of the
 * first paint's JavaScript.
 */
import type { ScenarioNode } from '../../model/types.ts';

type NodePainter = (el: HTMLElement, node: ScenarioNode) => void;

let painter: NodePainter | null = null;

export function setNodePainter(next: NodePainter | null): void {
  painter = next;
}

export function paintNodeNow(el: HTMLElement, node: ScenarioNode): void {
  painter?.(el, node);
}
