/**
 * Everything the canvas shows of a run, outside React: on each live tick (2 Hz) it writes the
 * node chips and edge strokes of what is in sight into the DOM, and it hands the traffic (dots
 * and rates) to a painter (trafficPainter.ts) that draws it on one canvas over the flow, in a
 * worker of its own where the browser allows. Nodes out of sight are written when they come
 * into sight.
 *
 * Why not React: re-rendering a hundred React Flow nodes and edges per tick kept the main thread
 * busy most of the time at Max speed and made panning stall.
 */
import type { ReactFlowState as FlowState } from '@xyflow/react';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes.ts';

type ReactFlowState = FlowState<ArchFlowNode, ArchFlowEdge>;
import type { ScenarioNode } from '../../model/types.ts';
import type { EdgeLive, LiveView } from './liveView.ts';
import { paintNodeChips } from './nodeChips.ts';
import { parseCubic, type Curve, type EdgeToDraw, type View } from './traffic.ts';
import type { TrafficColours, TrafficState } from './trafficPainter.ts';
import { noteViewMoved, viewSettlesIn } from './viewMotion.ts';

/** Where the traffic is drawn: `set` sends what changed. */
export interface TrafficSink {
  set(change: Partial<TrafficState>): void;
  stop(): void;
}

export interface LiveLayerDeps {
  /** The painter of the traffic (on the page or in a worker). */
  traffic: TrafficSink;
  /** The element whose CSS colours (--ok, --danger…) the traffic takes. */
  styled: Element;
  /** React Flow's store: viewport, size, measured nodes, the flow's DOM. */
  flow: {
    getState: () => ReactFlowState;
    subscribe: (listener: (s: ReactFlowState, prev: ReactFlowState) => void) => () => void;
  };
  liveView: () => LiveView | undefined;
  /** The nodes' overlays by node id (nodePainter.ts). */
  overlays: () => ReadonlyMap<string, HTMLElement>;
  subscribeLive: (listener: () => void) => () => void;
  nodes: () => readonly ScenarioNode[];
  /** True while the run goes on (the dots move only then). */
  running: () => boolean;
  subscribeRunning: (listener: () => void) => () => void;
  reducedMotion: () => boolean;
}

/** Pixels around the viewport counted as in sight (a node half in view is in view). */
const MARGIN = 40;

/**
 * Below this zoom a node's figures (10.5 px text) are under 5 px on screen, too small to read:
 * they are hidden (`data-far-view` on the flow, canvas.css) and not written, and only the
 * utilization bars and the bottleneck mark are. Writing 100 nodes' text at 2.5 Hz, then laying
 * it out and painting it, was the largest part of the main thread's work on a 100-node design
 * seen whole (about 10 % of a core, measured with tests/e2e/profile.mjs).
 */
export const LEGIBLE_ZOOM = 0.5;

/** The nodes by id, worked out once per node list (a new list comes with every edit). */
const byIdOf = new WeakMap<readonly ScenarioNode[], Map<string, ScenarioNode>>();
function nodesById(nodes: readonly ScenarioNode[]): Map<string, ScenarioNode> {
  let map = byIdOf.get(nodes);
  if (map === undefined) {
    map = new Map(nodes.map((n) => [n.id, n]));
    byIdOf.set(nodes, map);
  }
  return map;
}

const colourVars = {
  ok: '--ok',
  error: '--danger',
  rejected: '--warn',
  text: '--text',
  halo: '--bg',
} as const;

export function edgeStroke(live: EdgeLive): { width: string; colour: string } {
  const failing = live.error + live.rejected;
  return {
    width: String(Math.round(Math.min(8, 1.5 + Math.log10(1 + live.rps) * 1.5) * 2) / 2),
    colour: failing >= 0.2 ? 'var(--danger)' : failing >= 0.01 ? 'var(--warn)' : 'var(--edge-live)',
  };
}

export function startLiveLayer(deps: LiveLayerDeps): () => void {
  const { flow, traffic } = deps;
  let view: LiveView | undefined;
  let paths = new Map<string, SVGPathElement>();
  const curves = new Map<string, { d: string; curve: Curve | undefined }>();
  /** Nodes whose chips were not written on the last tick: out of sight then. */
  const stale = new Set<string>();
  let colours: TrafficColours | undefined;

  const viewport = (): View => {
    const s = flow.getState();
    const [tx, ty, zoom] = s.transform;
    return { tx, ty, zoom, width: s.width, height: s.height };
  };

  const inSight = (id: string, v: View): boolean => {
    const n = flow.getState().nodeLookup.get(id);
    if (n === undefined) return true;
    const { x, y } = n.internals.positionAbsolute;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    return (
      (x + w) * v.zoom + v.tx >= -MARGIN &&
      (y + h) * v.zoom + v.ty >= -MARGIN &&
      x * v.zoom + v.tx <= v.width + MARGIN &&
      y * v.zoom + v.ty <= v.height + MARGIN
    );
  };

  /** True while the figures are too small to read: then they are hidden and not written. */
  let far = false;
  const setFar = (next: boolean) => {
    const el = flow.getState().domNode;
    if (next === far || el === null) return;
    far = next;
    el.toggleAttribute('data-far-view', far);
  };

  /** Writes the chips of nodes in sight (all of them when `onlyStale` is false). */
  const paintChips = (onlyStale: boolean) => {
    if (onlyStale && stale.size === 0) return;
    const byId = nodesById(deps.nodes());
    const v = viewport();
    for (const [id, overlay] of deps.overlays()) {
      const node = byId.get(id);
      if (node === undefined || (onlyStale && !stale.has(id))) continue;
      // With nothing to show, every overlay is hidden at once, in sight or not.
      if (view !== undefined && !inSight(id, v)) {
        stale.add(id);
        continue;
      }
      stale.delete(id);
      paintNodeChips(overlay, node, view, !far);
    }
  };

  const paintEdges = () => {
    const el = flow.getState().domNode;
    paths = new Map();
    if (el === null) return;
    for (const path of el.querySelectorAll<SVGPathElement>('path.arch-edge')) {
      paths.set(path.id, path);
      const live = view?.edges.get(path.id);
      const stroke = live === undefined || live.rps === 0 ? undefined : edgeStroke(live);
      if (path.style.strokeWidth !== (stroke?.width ?? '')) {
        path.style.strokeWidth = stroke?.width ?? '';
      }
      if (path.style.stroke !== (stroke?.colour ?? '')) path.style.stroke = stroke?.colour ?? '';
    }
    for (const badge of el.querySelectorAll<HTMLElement>('[data-breaker-edge]')) {
      const state = view?.edges.get(badge.dataset['breakerEdge'] ?? '')?.breaker ?? 'closed';
      if (badge.dataset['state'] !== state) {
        badge.dataset['state'] = state;
        badge.textContent = state === 'closed' ? 'breaker' : `breaker ${BREAKER_WORDS[state]}`;
      }
    }
  };

  const edgesToDraw = (): EdgeToDraw[] => {
    const out: EdgeToDraw[] = [];
    if (view === undefined) return out;
    for (const [id, live] of view.edges) {
      const path = paths.get(id);
      if (path === undefined || live.rps === 0) continue;
      const d = path.getAttribute('d') ?? '';
      let known = curves.get(id);
      if (known === undefined || known.d !== d) {
        known = { d, curve: parseCubic(d) };
        curves.set(id, known);
      }
      if (known.curve !== undefined) out.push({ curve: known.curve, live });
    }
    return out;
  };

  /** What the painter needs now: edges and rates, the viewport, whether the dots move. */
  const sendTraffic = () => {
    traffic.set({
      edges: edgesToDraw(),
      view: viewport(),
      moving: view !== undefined && deps.running() && !deps.reducedMotion(),
      dpr: globalThis.devicePixelRatio || 1,
    });
  };

  /** The page's colours, sent when they change (a theme switch). */
  const readColours = () => {
    const style = getComputedStyle(deps.styled);
    const read = (name: string, fallback: string) =>
      style.getPropertyValue(name).trim() || fallback;
    const next = {
      ok: read(colourVars.ok, 'green'),
      error: read(colourVars.error, 'red'),
      rejected: read(colourVars.rejected, 'orange'),
      text: read(colourVars.text, 'black'),
      halo: read(colourVars.halo, 'white'),
    };
    if (colours !== undefined && JSON.stringify(colours) === JSON.stringify(next)) return;
    colours = next;
    traffic.set({ colours });
  };

  let heldTick: ReturnType<typeof setTimeout> | undefined;
  const onTick = () => {
    // While the view moves, the new figures wait until it is still: written now, they would
    // lay out and repaint nodes the pan is moving, in the frames the pan needs.
    const wait = viewSettlesIn();
    if (wait > 0) {
      heldTick ??= setTimeout(() => {
        heldTick = undefined;
        onTick();
      }, wait);
      return;
    }
    view = deps.liveView();
    setFar(view !== undefined && viewport().zoom < LEGIBLE_ZOOM);
    readColours();
    paintChips(false);
    paintEdges();
    sendTraffic();
  };

  /** Zoomed in far enough to read the figures: they are written, then shown, once it is still. */
  let legibleTimer: ReturnType<typeof setTimeout> | undefined;
  const showFiguresWhenStill = () => {
    const wait = viewSettlesIn();
    legibleTimer = wait > 0 ? setTimeout(showFiguresWhenStill, wait) : undefined;
    if (wait > 0 || !far || view === undefined || viewport().zoom < LEGIBLE_ZOOM) return;
    setFar(false); // first: paintChips writes the text only when not far
    paintChips(false);
  };

  let chipsTimer: ReturnType<typeof setTimeout> | undefined;
  const onFlow = (s: ReactFlowState, prev: ReactFlowState) => {
    const moved = s.transform !== prev.transform || s.width !== prev.width;
    if (s.transform !== prev.transform) noteViewMoved();
    if (view !== undefined && s.transform[2] < LEGIBLE_ZOOM !== far) {
      // Too small to read: hidden at once (a style change). Readable again: written and shown
      // when the zoom stops, as the held ticks are: on 100 nodes, writing every node's figures
      // and laying them out in the middle of a wheel zoom made its longest frame (about 45 ms
      // of main-thread time, tests/e2e/profile.mjs pan).
      if (!far) setFar(true);
      else legibleTimer ??= setTimeout(showFiguresWhenStill, viewSettlesIn());
    }
    if (moved && stale.size > 0 && chipsTimer === undefined) {
      // Nodes coming into sight get their figures within a tenth of a second of a pan.
      chipsTimer = setTimeout(() => {
        chipsTimer = undefined;
        paintChips(true);
      }, 100);
    }
    if (s.edges !== prev.edges) paintEdges();
    if (s.edges !== prev.edges) sendTraffic();
    else if (moved || s.height !== prev.height) traffic.set({ view: viewport() });
  };

  const unsubscribe = [
    deps.subscribeLive(onTick),
    flow.subscribe(onFlow),
    deps.subscribeRunning(sendTraffic),
  ];
  onTick();
  return () => {
    unsubscribe.forEach((u) => u());
    traffic.stop();
    if (chipsTimer !== undefined) clearTimeout(chipsTimer);
    if (legibleTimer !== undefined) clearTimeout(legibleTimer);
    if (heldTick !== undefined) clearTimeout(heldTick);
  };
}

const BREAKER_WORDS = { open: 'open', halfOpen: 'half-open' } as const;
