/** The editing canvas: React Flow over the document, with drops from the palette. */
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Controls,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type NodeChange,
} from '@xyflow/react';
import { useKeepFitted } from './useKeepFitted.ts';
import { beginBatch, useAppStore } from '../../store/index.ts';
import { isNodeType } from '../../model/kinds/index.ts';
import { edgeKindBetween } from '../../model/connections.ts';
import { edgeTypes, nodeTypes } from './elementTypes.ts';
import { KIND_DRAG_TYPE, type ArchFlowEdge, type ArchFlowNode } from './flowTypes.ts';
import { useFlowElements, type Sizes } from './useFlowElements.ts';
import { useEditorShortcuts } from './useEditorShortcuts.ts';
import { TidyButton } from '../layout/TidyButton.tsx';
import { CanvasMiniMap, MINIMAP_SIZE, MinimapToggle, useMinimapOpen } from './CanvasMiniMap.tsx';
import { AfterFirstPaint } from '../lazy/AfterFirstPaint.tsx';
import { LazyLiveLayer } from '../lazy/chunks.ts';
import { LazyRegionBackdrops } from '../regions/lazyRegions.ts';

const SNAP: [number, number] = [10, 10];
/** Half a node's usual size: a dropped node lands centred under the pointer. */
const HALF_NODE = { x: 90, y: 32 };
// Props as constants: a new object or function per render makes React Flow redo work (the mini
// map redraws every node when its class function changes).
const EMBED_FIT = { padding: 0.25, maxZoom: 1.2 };
/** Where React Flow draws its panels: this far in from the canvas's edges. */
const PANEL_MARGIN_PX = 15;
/** Room beside the zoom buttons (left) and under Tidy layout (top), and at the other edges. */
const CONTROLS_ROOM_PX = 56;
const TOOLBAR_ROOM_PX = 52;
const EDGE_ROOM_PX = 24;

/**
 * The editor fits the design clear of what the canvas draws over it: the zoom buttons, Tidy
 * layout and, when shown, the minimap, in whichever corner's direction costs the smaller share
 * of the canvas (below it on a wide canvas, left of it on a tall one).
 */
function editorFit(minimap: 'none' | 'below' | 'beside'): FitViewOptions {
  const px = (n: number) => `${n}px` as const;
  const bottom = minimap === 'below' ? MINIMAP_SIZE.height + PANEL_MARGIN_PX * 2 : EDGE_ROOM_PX;
  const right = minimap === 'beside' ? MINIMAP_SIZE.width + PANEL_MARGIN_PX * 2 : EDGE_ROOM_PX;
  return {
    padding: {
      top: px(TOOLBAR_ROOM_PX),
      left: px(CONTROLS_ROOM_PX),
      bottom: px(bottom),
      right: px(right),
    },
    maxZoom: 1.2,
  };
}
const PRO_OPTIONS = { hideAttribution: true };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

export function Canvas() {
  const [sizes, setSizes] = useState<Sizes>({});
  const { nodes, edges } = useFlowElements(sizes);
  const readOnly = useAppStore((s) => s.readOnly);
  const hasRegions = useAppStore((s) => (s.doc.regions?.length ?? 0) > 0);
  const { screenToFlowPosition } = useReactFlow();
  const endDrag = useRef<(() => void) | null>(null);
  // The pointer's last screen position over the canvas (null once it leaves): paste lands there.
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const pointerAt = useCallback(
    () => (pointer.current === null ? null : screenToFlowPosition(pointer.current)),
    [screenToFlowPosition],
  );
  const onKeyDown = useEditorShortcuts(pointerAt);
  const root = useRef<HTMLDivElement>(null);
  // A click anywhere on the canvas gives it the focus its shortcuts need (React Flow's pane
  // keeps the browser from doing it); a node or edge that takes focus itself keeps it.
  const focusCanvas = useCallback(() => {
    const el = root.current;
    if (el && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
  }, []);
  const minimapOpen = useMinimapOpen() && !readOnly;
  const minimapPlace = useStore((s) =>
    !minimapOpen
      ? 'none'
      : (MINIMAP_SIZE.height + PANEL_MARGIN_PX * 2) / s.height <
          (MINIMAP_SIZE.width + PANEL_MARGIN_PX * 2) / s.width
        ? 'below'
        : 'beside',
  );
  const fitOptions = useMemo(
    () => (readOnly ? EMBED_FIT : editorFit(minimapPlace)),
    [readOnly, minimapPlace],
  );
  const { onMoveStart, markFitted } = useKeepFitted(readOnly, root, sizes, fitOptions);

  const onNodesChange = useCallback((changes: NodeChange<ArchFlowNode>[]) => {
    const s = useAppStore.getState();
    const moves: Array<{ id: string; position: { x: number; y: number } }> = [];
    const selection: Array<{ id: string; selected: boolean }> = [];
    const measured: Sizes = {};
    for (const c of changes) {
      if (c.type === 'position' && c.position) moves.push({ id: c.id, position: c.position });
      else if (c.type === 'select') selection.push({ id: c.id, selected: c.selected });
      else if (c.type === 'dimensions' && c.dimensions) measured[c.id] = c.dimensions;
    }
    if (moves.length > 0) s.moveNodes(moves);
    if (selection.length > 0) s.setSelected(selection);
    if (Object.keys(measured).length > 0) setSizes((old) => ({ ...old, ...measured }));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<ArchFlowEdge>[]) => {
    const selection = changes.flatMap((c) =>
      c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [],
    );
    if (selection.length > 0) useAppStore.getState().setSelected(selection);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const s = useAppStore.getState();
    const type = (id: string) => s.doc.nodes.find((n) => n.id === id)?.type;
    const from = type(c.source);
    const to = type(c.target);
    // A queue → service link is a consumer (a call), which the edge inspector's Kind turns into
    // a dead-letter edge if that is what was meant.
    const kind = from && to ? edgeKindBetween(from, to) : 'call';
    const result = s.connect(c.source, c.target, kind);
    if (!result.ok) s.notify('error', `Cannot connect: ${result.reason}`);
  }, []);

  const onNodeDragStart = useCallback(() => {
    endDrag.current = beginBatch(); // one undo step per node drag
  }, []);
  const onNodeDragStop = useCallback(() => {
    endDrag.current?.();
    endDrag.current = null;
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(KIND_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(KIND_DRAG_TYPE);
      if (!isNodeType(type)) return;
      e.preventDefault();
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      useAppStore
        .getState()
        .addNode(type, { x: Math.round(at.x - HALF_NODE.x), y: Math.round(at.y - HALF_NODE.y) });
    },
    [screenToFlowPosition],
  );

  return (
    <div
      ref={root}
      className="canvas"
      aria-label="Architecture canvas"
      role="region"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onPointerDown={focusCanvas}
      onPointerMove={(e) => {
        pointer.current = { x: e.clientX, y: e.clientY };
      }}
      onPointerLeave={() => {
        pointer.current = null;
      }}
    >
      <ReactFlow<ArchFlowNode, ArchFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        // Delete is one of our shortcuts: React Flow's listens on the whole document.
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={SNAP}
        fitView
        fitViewOptions={fitOptions}
        onMoveStart={onMoveStart}
        minZoom={0.2}
        maxZoom={2.5}
        proOptions={PRO_OPTIONS}
      >
        {hasRegions && (
          <AfterFirstPaint>
            <LazyRegionBackdrops />
          </AfterFirstPaint>
        )}
        {/* Traffic is drawn only while running, and the dot grid is decoration: their code
            comes after the first paint. */}
        <AfterFirstPaint>
          <LazyLiveLayer />
        </AfterFirstPaint>
        <Controls showInteractive={false} fitViewOptions={fitOptions} onFitView={markFitted}>
          {/* An embed is small and fits its view: a minimap there only covers nodes. */}
          {!readOnly && <MinimapToggle open={minimapOpen} />}
        </Controls>
        {minimapOpen && <CanvasMiniMap />}
        {!readOnly && (
          <Panel position="top-right">
            <TidyButton sizes={sizes} fit={fitOptions} onFitted={markFitted} />
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}
