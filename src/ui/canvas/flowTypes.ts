/** The React Flow shapes the canvas derives from the document (never stored on their own). */
import type { Edge, Node } from '@xyflow/react';
import type { ScenarioEdge, ScenarioNode } from '../../model/types.ts';

export type ArchNodeData = {
  node: ScenarioNode;
  /** What is missing around this node (no way in, no way out), as readable sentences. */
  problems: string[];
  /** Why it is a single point of failure, while the design has random failures (else absent). */
  spof?: string;
};
export type ArchFlowNode = Node<ArchNodeData, 'arch'>;

export type ArchEdgeData = { edge: ScenarioEdge };
export type ArchFlowEdge = Edge<ArchEdgeData, 'arch'>;

/** The dataTransfer type the palette uses for a dragged kind. */
export const KIND_DRAG_TYPE = 'application/x-archsim-kind';
