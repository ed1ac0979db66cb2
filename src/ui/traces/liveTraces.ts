/**
 * The traces of the run on the page (the worker sends them with its frames, src/engine/tracing)
 * and what the Traces view shows: whether it is open and where a click asked it to look (a time
 * on a chart, a failed-only view from the errors chart). Bounded: `MAX_KEPT` traces, the oldest
 * tail-captured ones going first, so that an outage's flood of failures does not push out the
 * head-sampled history (the breakdown's unbiased sample).
 * A new run's first frame empties it. Not part of the document.
 */
import { create } from 'zustand';
import type { Trace } from '../../engine/tracing/types.ts';
import { TRACING_DEFAULTS } from '../../model/tracing.ts';

const MAX_KEPT = TRACING_DEFAULTS.maxTraces;

/** Where the view was asked to look: near a time (s), only failures. */
export interface TraceFocus {
  tS: number | null;
  failedOnly: boolean;
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

function bounded(all: Trace[]): Trace[] {
  let over = all.length - MAX_KEPT;
  if (over <= 0) return all;
  const tail = all.filter((t) => t.why !== 'head').length;
  let tailOver = Math.min(over, tail);
  over -= tailOver;
  return all.filter((t) => {
    if (t.why !== 'head') return tailOver-- <= 0;
    return over-- <= 0;
  });
}

const NO_FOCUS: TraceFocus = { tS: null, failedOnly: false };

export const useLiveTraces = create<LiveTraces>()((set) => ({
  traces: [],
  open: false,
  focus: NO_FOCUS,
  add: (traces) => set((s) => ({ traces: bounded(s.traces.concat(traces)) })),
  reset: () => set({ traces: [] }),
  show: (focus = {}) => set({ open: true, focus: { ...NO_FOCUS, ...focus } }),
  close: () => set({ open: false }),
}));
