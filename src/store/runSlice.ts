/**
 * The run as the UI sees it: status, simulated clock, speed and what to tell the user. Only
 * low-frequency state lives here (the clock is written at most ~10 times a second); the metric
 * windows themselves go to the metrics buffer, outside React state.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';
import type { SimResult } from '../engine/types.ts';
import type { RunStatus, Speed } from '../worker/protocol.ts';

export type { RunStatus, Speed };

/** Headline figures for the Run summary: the latest window while running, the totals when done. */
export interface RunFigures {
  throughputRps: number;
  p99Ms: number;
  errorRate: number;
  /** OK answers in time and not degraded (req/s); absent when the engine gave none. */
  goodputRps?: number;
  /** True for the whole run's results (after warm-up), false for the latest window. */
  final: boolean;
}

export interface RunState {
  runStatus: RunStatus;
  /** The worker's id of the run on screen: a new one on every load, Reset and new run. */
  runId: number;
  /** Simulated time now, seconds. */
  simNowS: number;
  runDurationS: number;
  runSpeed: Speed;
  runEvents: number;
  runFigures: RunFigures | null;
  /** The whole run's results once it has ended (the run report reads them); else null. */
  runResult: SimResult | null;
  /** Something to read: a restart, a recovered worker. Cleared by the next Run or Reset. */
  runMessage: string | null;
  runError: string | null;
  /** The run stopped early on a hard cap. */
  runTruncated: string | null;
}

export interface RunSlice extends RunState {
  setRunState: (patch: Partial<RunState>) => void;
}

export const initialRunState: RunState = {
  runStatus: 'idle',
  runId: -1,
  simNowS: 0,
  runDurationS: 0,
  runSpeed: 10,
  runEvents: 0,
  runFigures: null,
  runResult: null,
  runMessage: null,
  runError: null,
  runTruncated: null,
};

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  ...initialRunState,
  setRunState: (patch) => set(patch),
});
