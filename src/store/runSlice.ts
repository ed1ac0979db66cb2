// STUB owned by the run/worker helper: replaced with the real run slice (status, clock, speed,
// worker errors). Kept minimal so the store composes before that lands.
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'error';

export interface RunSlice {
  runStatus: RunStatus;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = () => ({
  runStatus: 'idle',
});
