/**
 * A test harness that reads like the story it checks:
 *   sim(doc).runFor(60).crash('api', 1).runFor(30).result()
 * plus builders for fully-defaulted documents (engine tests do not go through the loader).
 */
import type {
  CacheParams,
  ClientParams,
  Dist,
  Fault,
  LoadBalancerParams,
  Scenario,
  ScenarioEdge,
  ScenarioNode,
  ServiceParams,
} from '../../src/model/types.ts';
import { createSimulation } from '../../src/engine/index.ts';
import type {
  SimResult,
  Simulation,
  SimulationOptions,
  WindowStats,
} from '../../src/engine/types.ts';

const at = { x: 0, y: 0 };

export const exp = (meanMs: number): Dist => ({ dist: 'exponential', meanMs });
export const constant = (ms: number): Dist => ({ dist: 'constant', ms });

export function client(id: string, p: Partial<ClientParams> = {}): ScenarioNode {
  return {
    id,
    type: 'client',
    label: id,
    position: at,
    params: {
      arrival: { process: 'poisson', rps: 10 },
      profile: [],
      writeRatio: 0,
      keys: { count: 1000, zipf: 0 },
      sources: 100,
      ...p,
    },
  };
}

export function service(id: string, p: Partial<ServiceParams> = {}): ScenarioNode {
  return {
    id,
    type: 'service',
    label: id,
    position: at,
    params: {
      replicas: 1,
      workers: 1,
      serviceTimeMs: exp(10),
      blocking: true,
      calls: 'sequential',
      ...p,
    },
  };
}

export function balancer(id: string, p: Partial<LoadBalancerParams> = {}): ScenarioNode {
  return {
    id,
    type: 'loadBalancer',
    label: id,
    position: at,
    params: { strategy: 'roundRobin', ...p },
  };
}

export function cache(id: string, p: Partial<CacheParams> = {}): ScenarioNode {
  return {
    id,
    type: 'cache',
    label: id,
    position: at,
    params: {
      capacity: 1000,
      eviction: 'lru',
      hitMs: constant(1),
      strategy: 'readThrough',
      warm: false,
      writeBehindFlushMs: 1000,
      refreshAheadRatio: 0.8,
      ...p,
    },
  };
}

let edgeCounter = 0;
export function edge(source: string, target: string, p: Partial<ScenarioEdge> = {}): ScenarioEdge {
  return {
    id: p.id ?? `e${++edgeCounter}`,
    source,
    target,
    latencyMs: constant(0),
    weight: 1,
    kind: 'call',
    ...p,
  };
}

export function scenario(p: Partial<Scenario> & Pick<Scenario, 'nodes' | 'edges'>): Scenario {
  return {
    version: 1,
    name: 'test',
    description: '',
    seed: 1,
    durationS: 100,
    warmupS: 0,
    faults: [],
    ...p,
  };
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
