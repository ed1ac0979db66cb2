/**
 * What crosses the worker door besides the calls themselves: the run's status, the speed
 * setting, the answer to a load and the metric frames. Plain data only (structured-clonable).
 */
import type { ObjectivesFrame } from '../engine/objectives/types.ts';
import type { Trace } from '../engine/tracing/types.ts';
import type { SimResult } from '../engine/types.ts';
import type { FrameLayout } from './frame.ts';

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** Simulated seconds per real second, or 'max': as fast as the engine goes. */
export type Speed = number | 'max';

export const SPEEDS: readonly Speed[] = [1, 10, 100, 'max'];

export type LoadAnswer =
  | {
      ok: true;
      runId: number;
      layout: FrameLayout;
      durationS: number;
      warmupS: number;
      windowS: number;
      warnings: string[];
    }
  | { ok: false; error: string; path: string };

/**
 * A batch of completed windows plus the run's state. Sent at up to 4 Hz while running (2 Hz on a
 * large design: LARGE_DESIGN_NODES), fewer to a busy page (also when no window completed, so it doubles as the heartbeat), and once on
 * every status change.
 */
export interface MetricFrame {
  /** Changes on every load, reset and restart: windows of an older run are stale. */
  runId: number;
  /** On the first frame of every run: how `data` rows are laid out from now on. */
  layout?: FrameLayout;
  status: RunStatus;
  nowS: number;
  events: number;
  /** Windows in `data`, oldest first; `data.length === count * layout.stride`. */
  count: number;
  data: Float64Array;
  /** Something the user should read (a restart, a notice). */
  message?: string;
  error?: string;
  /** Set when the run stopped early on a hard cap. */
  truncated?: string;
  /** Alerts and error-budget points since the last frame, and the objectives so far. */
  objectives?: ObjectivesFrame;
  /**
   * Request traces kept since the last frame (src/engine/tracing), sent only while the page
   * wants them (traceKeeper.ts); with `tracesAll`, every trace kept so far instead.
   */
  traces?: Trace[];
  tracesAll?: true;
  /** How many traces the run keeps now (sent or not). */
  tracesKept?: number;
  /** The results, on the frame that ends the run. */
  result?: SimResult;
  /**
   * Sent just before the engine is built for a run (no windows): a large document may take
   * seconds to build, and the page's watchdog must not take that silence for a stuck engine.
   * The next frame ends the build.
   */
  building?: true;
}

export type FrameListener = (frame: MetricFrame) => void;
