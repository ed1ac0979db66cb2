/** The canvas's nodes and edges, derived from the store (see deriveElements.ts). */
import { useMemo, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes.ts';
import { makeEdgeDeriver, makeNodeDeriver, type Sizes } from './deriveElements.ts';

export type { Sizes };

export function useFlowElements(sizes: Sizes): { nodes: ArchFlowNode[]; edges: ArchFlowEdge[] } {
  const doc = useAppStore((s) => s.doc);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const readOnly = useAppStore((s) => s.readOnly);
  const [deriveNodes] = useState(makeNodeDeriver);
  const [deriveEdges] = useState(makeEdgeDeriver);
  const nodes = useMemo(
    () => deriveNodes(doc, selectedIds, sizes, readOnly),
    [deriveNodes, doc, selectedIds, sizes, readOnly],
  );
  const edges = useMemo(() => deriveEdges(doc, selectedIds), [deriveEdges, doc, selectedIds]);
  return { nodes, edges };
}
