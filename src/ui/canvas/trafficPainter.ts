/**
 * Draws the traffic (traffic.ts) on a canvas on every animation frame while the run goes on,
 * once per change otherwise. It runs where the canvas is: in a worker of its own when the
 * browser can hand the canvas over (trafficWorker.ts), on the page otherwise (and in tests).
 *
 * Why a worker: every frame drawn on the page made the main thread paint, layerize and commit
 * the whole React Flow graph (about 9 ms a frame on 100 nodes, most of its time at 60 frames a
 * second); a canvas drawn from a worker reaches the screen with no work on the main thread.
 */
import { drawTraffic, type EdgeToDraw, type Outcome, type View } from './traffic.ts';
import { formatRate } from '../run/format.ts';
import type { EdgeLive } from './liveView.ts';

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
    if (state.moving) lastDrawAt = start;
    drawCostMs = drawCostMs * 0.8 + (deps.now() - start) * 0.2;
    if (state.moving) schedule();
  };

  const onFrame = () => {
    frame = undefined;
    // Skip this frame when drawing is dear (a large graph): at most DRAW_BUDGET of the time.
    if (state.moving && deps.now() < lastDrawAt + drawCostMs / DRAW_BUDGET) schedule();
    else draw();
  };

  function schedule() {
    if (frame === undefined) frame = deps.requestFrame(onFrame);
  }

  return {
    set(change: Partial<TrafficState>): void {
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
