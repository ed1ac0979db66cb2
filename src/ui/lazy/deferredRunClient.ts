/**
 * The run controls' client before the worker exists: the same calls, connecting on first use.
 * The connection's code (comlink, the worker client) is a chunk of its own, and main.tsx
 * connects right after the first paint, so neither it nor the worker's script (about 66 KB
 * gzipped) competes with the canvas's code; a Run pressed earlier connects at once.
 */
import type { RunClient } from '../run/runConnection.ts';

/** The page's one run client (connected, and the worker started, on the first call). */
export const connectRunClient = (): Promise<RunClient> =>
  import('../run/runConnection.ts').then((m) => m.getRunClient());

export const deferredRunClient: RunClient = {
  start: () => connectRunClient().then((c) => c.start()),
  pause: () => connectRunClient().then((c) => c.pause()),
  step: () => connectRunClient().then((c) => c.step()),
  reset: () => connectRunClient().then((c) => c.reset()),
  setSpeed: (speed) => connectRunClient().then((c) => c.setSpeed(speed)),
  inject: (fault) => connectRunClient().then((c) => c.inject(fault)),
  act: (action) => connectRunClient().then((c) => c.act(action)),
};
