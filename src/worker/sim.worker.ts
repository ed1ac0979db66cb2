/// <reference lib="webworker" />
// The simulation's Web Worker: the engine behind comlink. Nothing of the UI is imported here.
import * as Comlink from 'comlink';
import { createSimulation } from '../engine/index.ts';
import { loadScenario } from '../model/load.ts';
import { createSimApi } from './api.ts';
import { createScheduler } from './scheduler.ts';

const api = createSimApi({
  createSimulation,
  loadScenario,
  now: () => performance.now(),
  schedule: createScheduler(),
});

// `self` passed explicitly: without it a worker under Vitest's web-worker shim never answers.
Comlink.expose(api, self);
