/**
 * React Flow nodes and edges derived from the document, the selection and the sizes the canvas
 * measured. A deriver keeps each derived object while its inputs are unchanged, so memoised
 * nodes do not re-render when a neighbour moves, and React Flow keeps its internal node.
 */
import { MarkerType } from '@xyflow/react';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../../model/types.ts';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes.ts';
import { findProblems } from './problems.ts';

export type Sizes = Record<string, { width: number; height: number }>;

interface NodeEntry {
  src: ScenarioNode;
  selected: boolean;
  size: Sizes[string] | undefined;
  problems: string;
  readOnly: boolean;
  out: ArchFlowNode;
}

export function makeNodeDeriver() {
  let cache = new Map<string, NodeEntry>();
  return (doc: Scenario, selectedIds: readonly string[], sizes: Sizes, readOnly: boolean) => {
    const problems = findProblems(doc);
    const selected = new Set(selectedIds);
    const next = new Map<string, NodeEntry>();
    const list = doc.nodes.map((src) => {
      const list = problems.get(src.id) ?? [];
      const key = {
        src,
        selected: selected.has(src.id),
        size: sizes[src.id],
        problems: list.join('|'),
        readOnly,
      };
      const old = cache.get(src.id);
      const same =
        old !== undefined &&
        old.src === key.src &&
        old.selected === key.selected &&
        old.size === key.size &&
        old.problems === key.problems &&
        old.readOnly === key.readOnly;
      const out: ArchFlowNode = same
        ? old.out
        : {
            id: src.id,
            type: 'arch',
            position: src.position,
            selected: key.selected,
            draggable: !readOnly,
            connectable: !readOnly,
            data: { node: src, problems: list },
            // React Flow drops a node's measured size when the node object changes; handing it
            // back keeps edges drawn and the node visible.
            ...(key.size ? { measured: key.size } : {}),
          };
      next.set(src.id, { ...key, out });
      return out;
    });
    cache = next;
    return list;
  };
}

interface EdgeEntry {
  src: ScenarioEdge;
  selected: boolean;
  out: ArchFlowEdge;
}

export function makeEdgeDeriver() {
  let cache = new Map<string, EdgeEntry>();
  return (doc: Scenario, selectedIds: readonly string[]) => {
    const selected = new Set(selectedIds);
    const next = new Map<string, EdgeEntry>();
    const list = doc.edges.map((src) => {
      const isSel = selected.has(src.id);
      const old = cache.get(src.id);
      const out: ArchFlowEdge =
        old && old.src === src && old.selected === isSel
          ? old.out
          : {
              id: src.id,
              type: 'arch',
              source: src.source,
              target: src.target,
              selected: isSel,
              // In user space, so the arrowhead keeps its size when live traffic widens the stroke.
              markerEnd: {
                type: MarkerType.ArrowClosed,
                width: 18,
                height: 18,
                markerUnits: 'userSpaceOnUse',
              },
              data: { edge: src },
            };
      next.set(src.id, { src, selected: isSel, out });
      return out;
    });
    cache = next;
    return list;
  };
}
