/**
 * The figures of each kind, read from the registry: what a node of a kind reports, and the
 * node columns of the worker's metric frames (the common window figures, then the kinds' own).
 */
import type { NodeType } from '../types.ts';
import { COMMON_FIGURES, isWindowNumber, type FigureDescriptor } from './figures.ts';
import { AVAILABILITY_FIGURES } from './availabilityFigures.ts';
import { kindFiguresOf } from './figureRegistry.ts';
import { answersCalls, NODE_TYPES } from './index.ts';

/** The availability figures, for a kind a `failures` fault may hit (one that answers calls). */
export function availabilityFiguresOf(type: NodeType): readonly FigureDescriptor[] {
  return answersCalls(type) ? AVAILABILITY_FIGURES : [];
}

/** Every figure a node of `type` reports: the common ones, then its kind's own. */
export function figuresOf(type: NodeType): readonly FigureDescriptor[] {
  return [...COMMON_FIGURES, ...availabilityFiguresOf(type), ...kindFiguresOf(type)];
}

/**
 * One number per node per window, for a document with nodes of `types`: the common figures,
 * then the union of those kinds' own, in the registry's order (a figure two kinds
 * declare, like `healthyReplicas`, is one column).
 */
export function nodeFigureColumns(types: Iterable<NodeType>): string[] {
  const present = new Set(types);
  const kinds = NODE_TYPES.filter((t) => present.has(t));
  return [
    ...new Set(
      [
        ...COMMON_FIGURES,
        ...kinds.flatMap((t) => [...availabilityFiguresOf(t), ...kindFiguresOf(t)]),
      ]
        .filter(isWindowNumber)
        .map((f) => f.key),
    ),
  ];
}
