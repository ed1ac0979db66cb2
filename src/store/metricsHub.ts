/**
 * Where metric frames land on the page: the bounded buffer of windows (for the charts) and the
 * newest window (for the canvas overlay), with change signals throttled for each reader. Kept
 * outside React state: a frame costs a few array copies, not a render.
 */
import { MetricsBuffer } from './metricsBuffer.ts';
import { createSignal, followSignal, throttleSignal } from './throttledSignal.ts';
import type { FrameLayout } from '../worker/frame.ts';

/** Charts redraw at most this often (ms). */
export const CHART_INTERVAL_MS = 250;
/**
 * The canvas overlay updates at most this often (ms), on every other chart tick, in the same
 * animation frame (followSignal): one layout and paint for both.
 */
export const LIVE_INTERVAL_MS = 2 * CHART_INTERVAL_MS;

export class MetricsHub {
  readonly buffer = new MetricsBuffer();
  /** Moves on every frame with windows, and on reset. */
  readonly changed = createSignal();
  readonly charts = throttleSignal(this.changed, CHART_INTERVAL_MS);
  readonly live = followSignal(this.charts, LIVE_INTERVAL_MS);

  get layout(): FrameLayout | undefined {
    return this.buffer.layout;
  }

  reset(layout: FrameLayout | undefined): void {
    this.buffer.reset(layout);
    this.changed.notify();
  }

  push(data: Float64Array, count: number): void {
    if (count === 0) return;
    this.buffer.push(data, count);
    this.changed.notify();
  }
}

export const metricsHub = new MetricsHub();
