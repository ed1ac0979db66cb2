/** Shared by the tracing tests: run a document with tracing on and collect every trace. */
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Trace, TracingSettings } from '../../../src/engine/tracing/types.ts';
import type { SimResult, SimulationOptions } from '../../../src/engine/types.ts';
import { loadScenarioOrThrow } from '../../../src/model/load.ts';
import type { Scenario } from '../../../src/model/types.ts';

export const ALL_HEAD: TracingSettings = {
  sampleRate: 1,
  slowestPerWindow: 0,
  failed: false,
  maxTraces: 100_000,
};

/** Run to the end, draining the traces every simulated second so `maxTraces` is per drain. */
export function traced(
  doc: Scenario,
  tracing: TracingSettings,
  opts: SimulationOptions = {},
): { result: SimResult; traces: Trace[] } {
  const sim = createSimulation(doc, { ...opts, tracing });
  const traces: Trace[] = [];
  let done = false;
  while (!done) {
    done = sim.runUntil(sim.nowS + 1).done;
    traces.push(...(sim.drainTraces!(done) ?? []));
  }
  return { result: sim.snapshot(), traces };
}

export const preset = (name: string): Scenario =>
  loadScenarioOrThrow(JSON.parse(readFileSync(`presets/${name}.json`, 'utf8')));

/** The headless JSON without the one figure that depends on the machine. */
export function figures(r: SimResult): string {
  return JSON.stringify({ ...r, wallMs: 0 });
}
