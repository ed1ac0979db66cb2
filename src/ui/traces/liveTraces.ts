/**
 * The traces of the run on the page (the worker sends them with its frames, src/engine/tracing)
 * and what the Traces view shows: whether it is open and where a click asked it to look (a time
 * and a latency on a chart, a failed-only view from the errors chart, a node). The worker
 * sends the traces only while the view is open (traceKeeper.ts), and the page keeps them by the
 * worker's rule (keptTraces.ts), so the two lists are the same; every frame says how many are
 * kept. A new run's first frame empties it. Not part of the document.
 */
import { create } from 'zustand';
import type { Trace } from '../../engine/tracing/types.ts';
import type { MetricFrame } from '../../worker/protocol.ts';
import { keepTraces } from '../../worker/keptTraces.ts';

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
  /** The traces the worker sent: all it keeps while the view is open (see `kept`). */
  traces: Trace[];
  /** How many the run keeps (in the worker: sent to the page only while the view is open). */
  kept: number;
  open: boolean;
  focus: TraceFocus;
  /** What a metric frame says of the traces. */
  receive: (frame: Pick<MetricFrame, 'traces' | 'tracesAll' | 'tracesKept'>) => void;
  reset: () => void;
  show: (focus?: Partial<TraceFocus>) => void;
  close: () => void;
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
  kept: 0,
  open: false,
  focus: NO_FOCUS,
  receive: ({ traces, tracesAll, tracesKept }) =>
    set((s) => {
      const all = traces === undefined ? s.traces : keepTraces(tracesAll ? [] : s.traces, traces);
      return { traces: all, kept: tracesKept ?? all.length };
    }),
  reset: () => set({ traces: [], kept: 0 }),
  show: (focus = {}) => set({ open: true, focus: { ...NO_FOCUS, ...focus } }),
  close: () => set({ open: false }),
}));
