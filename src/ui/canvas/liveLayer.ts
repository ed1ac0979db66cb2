/**
 * Everything the canvas shows of a run, outside React: on each live tick (2.5 Hz) it writes the
 * node chips and edge strokes of what is in sight into the DOM, and it draws the traffic (dots
 * and rates) on one canvas over the flow, once per animation frame while the run goes on, once
 * per change otherwise. Nodes out of sight are written when they come into sight.
 *
 * Why not React: re-rendering a hundred React Flow nodes and edges per tick kept the main thread
 * busy most of the time at Max speed and made panning stall.
 */
import type { ReactFlowState as FlowState } from '@xyflow/react';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes.ts';

type ReactFlowState = FlowState<ArchFlowNode, ArchFlowEdge>;
import type { ScenarioNode } from '../../model/types.ts';
import { formatRate } from '../run/format.ts';
import type { EdgeLive, LiveView } from './liveView.ts';
import { paintNodeChips } from './nodeChips.ts';
import { drawTraffic, parseCubic, type Curve, type EdgeToDraw, type View } from './traffic.ts';

export interface LiveLayerDeps {
  canvas: HTMLCanvasElement;
  /** React Flow's store: viewport, size, measured nodes, the flow's DOM. */
  flow: {
    getState: () => ReactFlowState;
    subscribe: (listener: (s: ReactFlowState, prev: ReactFlowState) => void) => () => void;
  };
  liveView: () => LiveView | undefined;
  subscribeLive: (listener: () => void) => () => void;
  nodes: () => readonly ScenarioNode[];
  /** True while the run goes on (the dots move only then). */
  running: () => boolean;
  subscribeRunning: (listener: () => void) => () => void;
  reducedMotion: () => boolean;
  now: () => number;
  requestFrame: (fn: () => void) => number;
  cancelFrame: (handle: number) => void;
}

/** Pixels around the viewport counted as in sight (a node half in view is in view). */
const MARGIN = 40;
/** The share of the main thread the dots may take: frames are skipped beyond it. */
const DRAW_BUDGET = 0.15;

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

function rateLabel(live: EdgeLive): string | undefined {
  return live.rps > 0 ? formatRate(live.rps) : undefined;
}

export function startLiveLayer(deps: LiveLayerDeps): () => void {
  const { canvas, flow } = deps;
  const ctx = canvas.getContext('2d');
  let view: LiveView | undefined;
  let paths = new Map<string, SVGPathElement>();
  const curves = new Map<string, { d: string; curve: Curve | undefined }>();
  /** Nodes whose chips were not written on the last tick: out of sight then. */
  const stale = new Set<string>();
  let frame: number | undefined;
  let lastDrawAt = -Infinity;
  let drawCostMs = 0;
  let colours: Record<keyof typeof colourVars, string> = {
    ok: 'green',
    error: 'red',
    rejected: 'orange',
    text: 'black',
    halo: 'white',
  };

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

  const root = (): ParentNode | null => flow.getState().domNode;

  /** Writes the chips of nodes in sight (all of them when `onlyStale` is false). */
  const paintChips = (onlyStale: boolean) => {
    const el = root();
    if (el === null || (onlyStale && stale.size === 0)) return;
    const byId = new Map(deps.nodes().map((n) => [n.id, n]));
    const v = viewport();
    for (const overlay of el.querySelectorAll<HTMLElement>('[data-live-node]')) {
      const id = overlay.dataset['liveNode'] ?? '';
      const node = byId.get(id);
      if (node === undefined || (onlyStale && !stale.has(id))) continue;
      // With nothing to show, every overlay is hidden at once, in sight or not.
      if (view !== undefined && !inSight(id, v)) {
        stale.add(id);
        continue;
      }
      stale.delete(id);
      paintNodeChips(overlay, node, view);
    }
  };

  const paintEdges = () => {
    const el = root();
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

  const animating = () => view !== undefined && deps.running() && !deps.reducedMotion();

  const draw = () => {
    if (ctx === null) return;
    const start = deps.now();
    const v = viewport();
    const dpr = globalThis.devicePixelRatio || 1;
    const w = Math.round(v.width * dpr);
    const h = Math.round(v.height * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    } else ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const moving = animating();
    // Still dots (reduced motion, a pause) sit where the clock of the last frame left them.
    drawTraffic(
      ctx,
      edgesToDraw(),
      v,
      moving ? start / 1000 : lastDrawAt / 1000,
      colours,
      rateLabel,
    );
    if (moving) lastDrawAt = start;
    drawCostMs = drawCostMs * 0.8 + (deps.now() - start) * 0.2;
    if (moving) schedule();
  };

  const onFrame = () => {
    frame = undefined;
    // Skip this frame when drawing is dear (a large graph): at most DRAW_BUDGET of the time.
    if (animating() && deps.now() < lastDrawAt + drawCostMs / DRAW_BUDGET) schedule();
    else draw();
  };

  const schedule = () => {
    if (frame === undefined) frame = deps.requestFrame(onFrame);
  };

  const readColours = () => {
    const style = getComputedStyle(canvas);
    const read = (name: string, fallback: string) =>
      style.getPropertyValue(name).trim() || fallback;
    colours = {
      ok: read(colourVars.ok, colours.ok),
      error: read(colourVars.error, colours.error),
      rejected: read(colourVars.rejected, colours.rejected),
      text: read(colourVars.text, colours.text),
      halo: read(colourVars.halo, colours.halo),
    };
  };

  const onTick = () => {
    view = deps.liveView();
    readColours();
    paintChips(false);
    paintEdges();
    schedule();
  };

  let chipsTimer: ReturnType<typeof setTimeout> | undefined;
  const onFlow = (s: ReactFlowState, prev: ReactFlowState) => {
    const moved = s.transform !== prev.transform || s.width !== prev.width;
    if (moved && stale.size > 0 && chipsTimer === undefined) {
      // Nodes coming into sight get their figures within a tenth of a second of a pan.
      chipsTimer = setTimeout(() => {
        chipsTimer = undefined;
        paintChips(true);
      }, 100);
    }
    if (s.edges !== prev.edges) paintEdges();
    schedule();
  };

  const unsubscribe = [
    deps.subscribeLive(onTick),
    flow.subscribe(onFlow),
    deps.subscribeRunning(schedule),
  ];
  onTick();
  return () => {
    unsubscribe.forEach((u) => u());
    if (frame !== undefined) deps.cancelFrame(frame);
    if (chipsTimer !== undefined) clearTimeout(chipsTimer);
  };
}

const BREAKER_WORDS = { open: 'open', halfOpen: 'half-open' } as const;
