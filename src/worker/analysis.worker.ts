/// <reference lib="webworker" />
// A Web Worker for whole runs (compare, sweep points, seeds): no live frames, one run to the
// end per call. Separate from the live-run worker so analyses never disturb the canvas's run.
import * as Comlink from 'comlink';
import { runToEnd } from '../analysis/runToEnd.ts';
import { loadScenarioOrThrow } from '../model/load.ts';
import type { SimResult, SimulationOptions } from '../engine/types.ts';

export interface AnalysisApi {
  /** Runs the document to its end; the document is untrusted here, so it is loaded first. */
  runToEnd(doc: unknown, opts: SimulationOptions): SimResult;
}

const api: AnalysisApi = {
  runToEnd: (doc, opts) => runToEnd(loadScenarioOrThrow(doc), opts),
};

// `self` passed explicitly: without it a worker under Vitest's web-worker shim never answers.
Comlink.expose(api, self);
