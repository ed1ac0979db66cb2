/**
 * React Flow nodes and edges derived from the document, the selection and the sizes the canvas
 * measured. A deriver keeps each derived object while its inputs are unchanged, so memoised
 * nodes do not re-render when a neighbour moves, and React Flow keeps its internal node.
 */
import { MarkerType } from '@xyflow/react';
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import type { EdgeKind, Scenario, ScenarioEdge, ScenarioNode } from '../../model/types.ts';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes.ts';
import { findProblems } from './problems.ts';
import { singlePointsOfFailure } from '../../analysis/singlePoints.ts';

const EDGE_NAMES: Record<EdgeKind, string> = {
  call: 'Call',
  replication: 'Replication',
  deadLetter: 'Dead letters',
};

export type Sizes = Record<string, { width: number; height: number }>;

interface NodeEntry {
  src: ScenarioNode;
  selected: boolean;
  size: Sizes[string] | undefined;
  problems: string;
  spof: string | undefined;
  readOnly: boolean;
  out: ArchFlowNode;
}

export function makeNodeDeriver() {
  let cache = new Map<string, NodeEntry>();
  return (doc: Scenario, selectedIds: readonly string[], sizes: Sizes, readOnly: boolean) => {
    const problems = findProblems(doc);
    const spofs = doc.faults.some((f) => f.kind === 'failures')
      ? singlePointsOfFailure(doc)
      : new Map<string, string>();
    const selected = new Set(selectedIds);
    const next = new Map<string, NodeEntry>();
    const list = doc.nodes.map((src) => {
      const list = problems.get(src.id) ?? [];
      const key = {
        src,
        selected: selected.has(src.id),
        size: sizes[src.id],
        problems: list.join('|'),
        spof: spofs.get(src.id),
        readOnly,
      };
      const old = cache.get(src.id);
      const same =
        old !== undefined &&
        old.src === key.src &&
        old.selected === key.selected &&
        old.size === key.size &&
        old.problems === key.problems &&
        old.spof === key.spof &&
        old.readOnly === key.readOnly;
      const out: ArchFlowNode = same
        ? old.out
        : {
            id: src.id,
            type: 'arch',
            position: src.position,
            selected: key.selected,
            // The name a screen reader gives the focusable node (Tab reaches every node).
            ariaLabel: `${src.label} (${KIND_DESCRIPTIONS[src.type].label})`,
            draggable: !readOnly,
            connectable: !readOnly,
            data: { node: src, problems: list, ...(key.spof && { spof: key.spof }) },
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
    const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
    const list = doc.edges.map((src) => {
      const isSel = selected.has(src.id);
      const old = cache.get(src.id);
      // Named by the node labels the user sees, not React Flow's "Edge from <id> to <id>".
      const ariaLabel = `${EDGE_NAMES[src.kind]} from ${labels.get(src.source) ?? src.source} to ${labels.get(src.target) ?? src.target}`;
      const out: ArchFlowEdge =
        old && old.src === src && old.selected === isSel && old.out.ariaLabel === ariaLabel
          ? old.out
          : {
              id: src.id,
              type: 'arch',
              source: src.source,
              target: src.target,
              selected: isSel,
              ariaLabel,
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
