/**
 * Draws the traffic (traffic.ts) on a canvas on every animation frame while the run goes on,
 * once per change otherwise. It runs where the canvas is: in a worker of its own when the
 * browser can hand the canvas over (trafficWorker.ts), on the page otherwise (and in tests).
 *
 * Why a worker: every frame drawn on the page made the main thread paint, layerize and commit
 * the whole React Flow graph (about 9 ms a frame on 100 nodes, most of its time at 60 frames a
 * second); a canvas drawn from a worker reaches the screen with no work on the main thread.
 *
 * Why at most 30 frames a second, and none while the view moves: each frame of a canvas as big
 * as the flow is composited again in full (in software on machines without a GPU), and a trace
 * of 100 nodes at Max put that (the display compositor, the GPU process's buffers) at about
 * three times the dots' own drawing; during a pan or a zoom every view change was another such
 * frame, competing with the pan for the same two cores. The dots are cleared when the view
 * starts to move and drawn again once it has been still for VIEW_SETTLE_MS.
 */
import { drawTraffic, type EdgeToDraw, type Outcome, type View } from './traffic.ts';
import { formatRate } from '../run/format.ts';
import type { EdgeLive } from './liveView.ts';
import { VIEW_SETTLE_MS } from './viewMotion.ts';

export type TrafficColours = Record<Outcome | 'text' | 'halo', string>;

/** What the drawing needs; the page sends a part of it whenever that part changes. */
export interface TrafficState {
  edges: EdgeToDraw[];
  view: View;
  colours: TrafficColours;
  /** The dots move (a run goes on, motion not reduced); still otherwise. */
  moving: boolean;
  dpr: number;
}

type Canvas2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface PainterDeps {
  canvas: { width: number; height: number; getContext(kind: '2d'): unknown };
  now: () => number;
  requestFrame: (fn: () => void) => number;
  cancelFrame: (handle: number) => void;
}

/** The share of its thread the dots may take: frames are skipped beyond it. */
const DRAW_BUDGET = 0.15;
/**
 * The shortest time between two frames of moving dots: every other frame of a 60 Hz display
 * (a little under 1/30 s, so that a display frame a millisecond early is not skipped too).
 */
const MIN_FRAME_MS = 28;

/** True when `b` shows another part of the flow than `a` (panned or zoomed; not resized). */
const viewMoved = (a: View, b: View) =>
  a.width > 0 && (a.tx !== b.tx || a.ty !== b.ty || a.zoom !== b.zoom);

function rateLabel(live: EdgeLive): string | undefined {
  return live.rps > 0 ? formatRate(live.rps) : undefined;
}

export const NO_TRAFFIC: TrafficState = {
  edges: [],
  view: { tx: 0, ty: 0, zoom: 1, width: 0, height: 0 },
  colours: { ok: 'green', error: 'red', rejected: 'orange', text: 'black', halo: 'white' },
  moving: false,
  dpr: 1,
};

export function createTrafficPainter(deps: PainterDeps) {
  const { canvas } = deps;
  const ctx = canvas.getContext('2d') as Canvas2D | null;
  let state = NO_TRAFFIC;
  let frame: number | undefined;
  let lastDrawAt = -Infinity;
  let drawCostMs = 0;
  /** When the view last moved, and whether the canvas has been cleared since. */
  let viewMovedAt = -Infinity;
  let cleared = false;

  const clear = () => {
    if (ctx === null || cleared) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    cleared = true;
  };

  const draw = () => {
    if (ctx === null) return;
    const start = deps.now();
    const v = state.view;
    const w = Math.round(v.width * state.dpr);
    const h = Math.round(v.height * state.dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    } else ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
    // Still dots (reduced motion, a pause) sit where the clock of the last frame left them.
    const timeS = (state.moving ? start : lastDrawAt) / 1000;
    drawTraffic(ctx as CanvasRenderingContext2D, state.edges, v, timeS, state.colours, rateLabel);
    cleared = false;
    if (state.moving) lastDrawAt = start;
    drawCostMs = drawCostMs * 0.8 + (deps.now() - start) * 0.2;
    if (state.moving) schedule();
  };

  const onFrame = () => {
    frame = undefined;
    const now = deps.now();
    if (now < viewMovedAt + VIEW_SETTLE_MS) {
      clear();
      schedule();
      return;
    }
    // Skip this frame when too soon, or when drawing is dear (a large graph): at most
    // DRAW_BUDGET of the time.
    const gap = Math.max(MIN_FRAME_MS, drawCostMs / DRAW_BUDGET);
    if (state.moving && now < lastDrawAt + gap) schedule();
    else draw();
  };

  function schedule() {
    if (frame === undefined) frame = deps.requestFrame(onFrame);
  }

  return {
    set(change: Partial<TrafficState>): void {
      if (change.view !== undefined && viewMoved(state.view, change.view)) viewMovedAt = deps.now();
      state = { ...state, ...change };
      schedule();
    },
    stop(): void {
      if (frame !== undefined) deps.cancelFrame(frame);
      frame = undefined;
    },
  };
}

export type TrafficPainter = ReturnType<typeof createTrafficPainter>;

/** A message to the traffic worker: the canvas once, then changes of state. */
export type TrafficMessage = { canvas: OffscreenCanvas } | { change: Partial<TrafficState> };
