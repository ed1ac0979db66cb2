/**
 * The traces of the run on the page (the worker sends them with its frames, src/engine/tracing)
 * and what the Traces view shows: whether it is open and where a click asked it to look (a time
 * and a latency on a chart, a failed-only view from the errors chart, a node). Bounded:
 * `MAX_KEPT` traces, the oldest failed ones going first, then the oldest slowest-of-a-window,
 * so that an outage's flood of failures pushes out neither the head-sampled history (the
 * breakdown's unbiased sample) nor the slow requests a click on a latency line looks for.
 * A new run's first frame empties it. Not part of the document.
 */
import { create } from 'zustand';
import type { Trace } from '../../engine/tracing/types.ts';
import { TRACING_DEFAULTS } from '../../model/tracing.ts';

const MAX_KEPT = TRACING_DEFAULTS.maxTraces;

/**
 * Where the view was asked to look: near a time (s), only failures, through a node (its id),
 * near a latency (ms; at that node when a node is named) and the line it was read from (p99).
 */
export interface TraceFocus {
  tS: number | null;
  failedOnly: boolean;
  nodeId: string | null;
  nearMs: number | null;
  nearName: string | null;
}

export interface LiveTraces {
  traces: Trace[];
  open: boolean;
  focus: TraceFocus;
  add: (traces: Trace[]) => void;
  reset: () => void;
  show: (focus?: Partial<TraceFocus>) => void;
  close: () => void;
}

/** Which go first when the store is full: the flood of an outage, then the slowest, then the
 *  sample (a few a second at most each: the history of the whole run). */
const DROP_ORDER: readonly Trace['why'][] = ['failed', 'slow', 'head'];

function bounded(all: Trace[]): Trace[] {
  let over = all.length - MAX_KEPT;
  if (over <= 0) return all;
  const drop = new Map<Trace['why'], number>();
  for (const why of DROP_ORDER) {
    const n = Math.min(over, all.filter((t) => t.why === why).length);
    drop.set(why, n);
    over -= n;
  }
  // The oldest of each kind go.
  return all.filter((t) => {
    const n = drop.get(t.why) ?? 0;
    if (n <= 0) return true;
    drop.set(t.why, n - 1);
    return false;
  });
}

const NO_FOCUS: TraceFocus = {
  tS: null,
  failedOnly: false,
  nodeId: null,
  nearMs: null,
  nearName: null,
};

export const useLiveTraces = create<LiveTraces>()((set) => ({
  traces: [],
  open: false,
  focus: NO_FOCUS,
  add: (traces) => set((s) => ({ traces: bounded(s.traces.concat(traces)) })),
  reset: () => set({ traces: [] }),
  show: (focus = {}) => set({ open: true, focus: { ...NO_FOCUS, ...focus } }),
  close: () => set({ open: false }),
}));
