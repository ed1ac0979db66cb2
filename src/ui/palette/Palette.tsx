/**
 * Every node kind, drawn from the model's descriptions: drag one onto the canvas, or click it to
 * add it beside the selected node (connected to it where the rules allow) or, with nothing
 * selected, in the middle of the view. Each button's accessible name is exactly the kind's label;
 * the one-line summary is its description.
 */
import type { DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { KIND_DESCRIPTIONS, NODE_TYPES } from '../../model/kinds/index.ts';
import type { NodeType } from '../../model/types.ts';
import { beginBatch, useAppStore } from '../../store/index.ts';
import { firstFreeSpot, NODE_BOX, placeBeside } from './placeBeside.ts';
import { KIND_DRAG_TYPE } from '../canvas/flowTypes.ts';
import { KindIcon } from '../icons/KindIcon.tsx';

const HALF_NODE = { x: 90, y: 32 };

export function Palette() {
  const { screenToFlowPosition, getNode } = useReactFlow();
  /** A node's drawn size, or the default box before React Flow has measured it. */
  const sizeOf = (id: string) => {
    const m = getNode(id)?.measured;
    return m?.width && m.height ? { width: m.width, height: m.height } : NODE_BOX;
  };

  const addAtCentre = (type: NodeType) => {
    const pane = document.querySelector('.react-flow');
    const box = pane?.getBoundingClientRect();
    const centre = box
      ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    // Below any node already there, so a click never drops a node on top of another.
    const at = firstFreeSpot(
      { x: centre.x - HALF_NODE.x, y: centre.y - HALF_NODE.y },
      useAppStore.getState().doc.nodes,
      sizeOf,
    );
    useAppStore.getState().addNode(type, at);
  };

  /** Beside the one selected node, linked to it in one undo step; false if none is selected. */
  const addBesideSelected = (type: NodeType): boolean => {
    const s = useAppStore.getState();
    const selected =
      s.selectedIds.length === 1 ? s.doc.nodes.find((n) => n.id === s.selectedIds[0]) : undefined;
    if (!selected) return false;
    const { position, link } = placeBeside(selected, type, s.doc.nodes, sizeOf);
    const end = beginBatch();
    let id: string;
    try {
      id = s.addNode(type, position);
      if (link) {
        const made = s.connect(link.source ?? id, link.target ?? id, link.kind);
        if (!made.ok)
          s.notify('info', `Added beside ${selected.label}, not connected: ${made.reason}`);
      }
    } finally {
      end();
    }
    // Ending the batch steps the document back for an instant, which drops the selection.
    s.select([id]);
    return true;
  };

  const onDragStart = (e: DragEvent, type: NodeType) => {
    e.dataTransfer.setData(KIND_DRAG_TYPE, type);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Node palette">
      <h2 className="panel-title">Components</h2>
      <p className="palette__hint">Drag onto the canvas, or click to add.</p>
      <ul className="palette__list">
        {NODE_TYPES.map((type) => {
          const kind = KIND_DESCRIPTIONS[type];
          return (
            <li key={type}>
              <button
                type="button"
                className={`palette__item kind-${type}`}
                draggable
                onDragStart={(e) => onDragStart(e, type)}
                onClick={() => addBesideSelected(type) || addAtCentre(type)}
                title={kind.summary}
                aria-description={kind.summary}
              >
                <span className="palette__icon" aria-hidden="true">
                  <KindIcon type={type} size={18} />
                </span>
                <span className="palette__text">
                  <span className="palette__label">{kind.label}</span>
                  <span className="palette__summary" aria-hidden="true">
                    {kind.summary}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
