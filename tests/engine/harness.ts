/**
 * A test harness that reads like the story it checks:
 *   sim(doc).runFor(60).crash('api', 1).runFor(30).result()
 * plus the document builders of tests/fixtures/docs.ts (engine tests do not go through the loader).
 */
import type { Fault, Scenario, ScenarioEdge } from '../../src/model/types.ts';
import { createSimulation } from '../../src/engine/index.ts';
import type {
  SimResult,
  Simulation,
  SimulationOptions,
  WindowStats,
} from '../../src/engine/types.ts';

import { client, constant, edge, scenario, service } from '../fixtures/docs.ts';

export * from '../fixtures/docs.ts';

/**
 * The smallest story, for faults and caller policies: client 'c' at a constant `rps` → service
 * 'api' (2 replicas × 4 workers of 10 ms) over the edge 'c-api' (with `e` on it), for 100 s.
 */
export function apiChain(faults: Fault[] = [], e: Partial<ScenarioEdge> = {}, rps = 100): Scenario {
  return scenario({
    durationS: 100,
    faults,
    nodes: [
      client('c', { arrival: { process: 'constant', rps } }),
      service('api', { replicas: 2, workers: 4, serviceTimeMs: constant(10) }),
    ],
    edges: [edge('c', 'api', { id: 'c-api', ...e })],
  });
}

export class SimStory {
  readonly sim: Simulation;
  readonly windows: WindowStats[] = [];
  constructor(
    readonly doc: Scenario,
    opts: SimulationOptions = {},
  ) {
    this.sim = createSimulation(doc, opts);
  }
  runFor(s: number): this {
    this.sim.runUntil(this.sim.nowS + s);
    this.windows.push(...this.sim.drainWindows());
    return this;
  }
  runToEnd(): this {
    this.sim.runUntil(Infinity);
    this.windows.push(...this.sim.drainWindows());
    return this;
  }
  inject(f: Omit<Fault, 'atS'>): this {
    this.sim.inject({ ...f, atS: this.sim.nowS });
    return this;
  }
  crash(target: string, replicas?: number, forS?: number): this {
    const f: Omit<Fault, 'atS'> = { kind: 'crash', target };
    if (replicas !== undefined) f.replicas = replicas;
    if (forS !== undefined) f.forS = forS;
    return this.inject(f);
  }
  result(): SimResult {
    return this.sim.snapshot();
  }
}

export const sim = (doc: Scenario, opts: SimulationOptions = {}): SimStory =>
  new SimStory(doc, opts);

/** Run a document to the end and return its results. */
export const run = (doc: Scenario, opts: SimulationOptions = {}): SimResult =>
  sim(doc, opts).runToEnd().result();
