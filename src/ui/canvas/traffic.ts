/**
 * The traffic layer's drawing: dots moving along each edge's curve, as many as the edge's rate
 * calls for (on a log scale), coloured by how the calls ended, and the rate written beside the
 * edge. Pure functions of a 2D context, the curves and the view, so a frame costs one pass over
 * the edges in sight and one fill per colour.
 */
import type { EdgeLive } from './liveView.ts';

/** A cubic Bézier as React Flow draws an edge ("M x0,y0 C x1,y1 x2,y2 x3,y3"). */
export interface Curve {
  p: Float64Array; // x0 y0 x1 y1 x2 y2 x3 y3
  /** Bounding box of the control points (contains the curve). */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Chord length, for a steady speed along short and long edges alike. */
  length: number;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;

export function parseCubic(d: string): Curve | undefined {
  const n = d.match(NUMBER);
  if (n === null || n.length !== 8 || !/^\s*M[^C]*C/.test(d)) return undefined;
  const p = Float64Array.from(n, Number);
  const xs = [p[0]!, p[2]!, p[4]!, p[6]!];
  const ys = [p[1]!, p[3]!, p[5]!, p[7]!];
  return {
    p,
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys),
    length: Math.hypot(p[6]! - p[0]!, p[7]! - p[1]!),
  };
}

/** The point at `t` (0..1) on the curve, into `out`. */
export function pointOn(c: Curve, t: number, out: { x: number; y: number }): void {
  const p = c.p;
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const cc = 3 * u * t * t;
  const d = t * t * t;
  out.x = a * p[0]! + b * p[2]! + cc * p[4]! + d * p[6]!;
  out.y = a * p[1]! + b * p[3]! + cc * p[5]! + d * p[7]!;
}

/** Dots on an edge: 1 at a trickle, one more per doubling of the rate, at most 10. */
export function dotCount(rps: number): number {
  if (!(rps > 0)) return 0;
  return Math.min(10, 1 + Math.floor(Math.log2(1 + rps)));
}

export type Outcome = 'ok' | 'error' | 'rejected';
export const OUTCOMES: readonly Outcome[] = ['ok', 'error', 'rejected'];

/**
 * How many of `n` dots show each outcome: by share, with at least one dot for an outcome that
 * happened at all (a 1 % error rate must not vanish).
 */
export function dotOutcomes(n: number, e: Pick<EdgeLive, 'error' | 'rejected'>): number[] {
  const atLeastOne = (share: number) => (share > 0 ? Math.max(1, Math.round(share * n)) : 0);
  const rejected = Math.min(n, atLeastOne(e.rejected));
  const error = Math.min(n - rejected, atLeastOne(e.error));
  return [n - error - rejected, error, rejected];
}

/** The viewport: flow coordinates to screen pixels (x · zoom + tx), and the canvas size. */
export interface View {
  tx: number;
  ty: number;
  zoom: number;
  width: number;
  height: number;
}

export interface EdgeToDraw {
  curve: Curve;
  live: EdgeLive;
}

/** Flow units per second a dot travels. */
const SPEED = 90;
/** Rates are written only from this zoom up: smaller text is noise. */
export const LABEL_MIN_ZOOM = 0.5;

function visible(c: Curve, v: View, margin: number): boolean {
  const x0 = c.minX * v.zoom + v.tx;
  const x1 = c.maxX * v.zoom + v.tx;
  const y0 = c.minY * v.zoom + v.ty;
  const y1 = c.maxY * v.zoom + v.ty;
  return x1 >= -margin && y1 >= -margin && x0 <= v.width + margin && y0 <= v.height + margin;
}

const at = { x: 0, y: 0 };

/**
 * Draws one frame at time `timeS` (seconds; a fixed value draws still dots). `colours` by
 * outcome; `label` turns an edge's rate into its text, or undefined for none.
 */
export function drawTraffic(
  ctx: CanvasRenderingContext2D,
  edges: Iterable<EdgeToDraw>,
  v: View,
  timeS: number,
  colours: Record<Outcome | 'text' | 'halo', string>,
  label: (live: EdgeLive) => string | undefined,
): number {
  const radius = Math.max(2, 3.5 * v.zoom);
  const inSight: EdgeToDraw[] = [];
  for (const e of edges) if (e.live.rps > 0 && visible(e.curve, v, radius)) inSight.push(e);
  OUTCOMES.forEach((outcome, k) => {
    ctx.beginPath();
    for (const { curve, live } of inSight) {
      const n = dotCount(live.rps);
      const counts = dotOutcomes(n, live);
      const from = k === 0 ? 0 : (counts[0] ?? 0) + (k === 2 ? (counts[1] ?? 0) : 0);
      const to = from + (counts[k] ?? 0);
      const phase = (timeS * SPEED) / Math.max(curve.length, 1);
      for (let i = from; i < to; i++) {
        const t = (phase + i / n) % 1;
        pointOn(curve, t, at);
        const x = at.x * v.zoom + v.tx;
        const y = at.y * v.zoom + v.ty;
        ctx.moveTo(x + radius, y);
        ctx.arc(x, y, radius, 0, 2 * Math.PI);
      }
    }
    ctx.fillStyle = colours[outcome];
    ctx.fill();
    // A ring in the page's colour keeps a dot visible on an edge of its own colour.
    ctx.lineWidth = 1;
    ctx.strokeStyle = colours.halo;
    ctx.stroke();
  });
  if (v.zoom >= LABEL_MIN_ZOOM) {
    ctx.font = '600 10.5px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.halo;
    ctx.fillStyle = colours.text;
    for (const { curve, live } of inSight) {
      const text = label(live);
      if (text === undefined) continue;
      pointOn(curve, 0.5, at);
      const x = at.x * v.zoom + v.tx;
      const y = at.y * v.zoom + v.ty - 5;
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
    }
  }
  return inSight.length;
}
