/**
 * One whole run on the real engine, as a `RunScenario`: the glue between the analyses (which
 * take any runner, so they are testable with fakes) and `createSimulation`.
 */
import { createSimulation } from '../engine/index.ts';
import type { SimResult, SimulationOptions } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';

export function runToEnd(doc: Scenario, opts: SimulationOptions = {}): SimResult {
  const sim = createSimulation(doc, { windows: false, ...opts });
  sim.runUntil(Infinity);
  return sim.snapshot();
}
