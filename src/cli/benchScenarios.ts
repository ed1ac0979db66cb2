/**
 * The standard benchmark set, as documents built in code (fully defaulted). The balanced-services
 * scenarios also carry their model for the hand-written reference loop (bench/reference.ts), so
 * the bench quotes the engine's CPU time as a ratio to it; both are built from one set of figures.
 */
import type { ReferenceModel } from '../../bench/reference.ts';
import { nodeWithDefaults } from '../model/kinds/index.ts';
import type {
  Dist,
  NodeType,
  ParamsByType,
  Scenario,
  ScenarioEdge,
  ScenarioNode,
} from '../model/types.ts';

const exp = (meanMs: number): Dist => ({ dist: 'exponential', meanMs });
const zero: Dist = { dist: 'constant', ms: 0 };

/** A node with its kind's defaults (from the model) and the given params on top. */
function nodeOf<T extends NodeType>(
  type: T,
  id: string,
  p: Partial<ParamsByType[T]>,
): ScenarioNode {
  return nodeWithDefaults(type, id, p);
}
function clientNode(id: string, rps: number, keys = { count: 1000, zipf: 0 }): ScenarioNode {
  return nodeOf('client', id, { arrival: { process: 'poisson', rps }, keys });
}
function serviceNode(id: string, workers: number, svc: Dist, replicas = 1): ScenarioNode {
  return nodeOf('service', id, { replicas, workers, serviceTimeMs: svc });
}
function edgeOf(id: string, source: string, target: string, latencyMs: Dist = zero): ScenarioEdge {
  return { id, source, target, latencyMs, weight: 1, kind: 'call' };
}
function doc(
  name: string,
  durationS: number,
  nodes: ScenarioNode[],
  edges: ScenarioEdge[],
): Scenario {
  return {
    version: 1,
    name,
    description: '',
    seed: 1,
    durationS,
    warmupS: 0,
    nodes,
    edges,
    faults: [],
  };
}

export interface BenchScenario {
  doc: Scenario;
  /** The same model as a minimal loop, where the scenario has one. */
  reference?: ReferenceModel;
}

/**
 * A poisson client, round robin over `services` services (one: called directly, no balancer),
 * each `workers` workers with exponential service times; every hop instantaneous.
 */
function balancedServices(name: string, m: Omit<ReferenceModel, 'seed'>): BenchScenario {
  const ids = Array.from({ length: m.services }, (_, i) => (m.services === 1 ? 's' : `svc${i}`));
  const services = ids.map((id) => serviceNode(id, m.workers, exp(m.meanMs)));
  const d =
    m.services === 1
      ? doc(
          name,
          m.durationS,
          [clientNode('users', m.rps), ...services],
          [edgeOf('e', 'users', 's')],
        )
      : doc(
          name,
          m.durationS,
          [
            clientNode('users', m.rps),
            nodeOf('loadBalancer', 'lb', { strategy: 'roundRobin' }),
            ...services,
          ],
          [edgeOf('u-lb', 'users', 'lb'), ...ids.map((id) => edgeOf(`lb-${id}`, 'lb', id))],
        );
  return { doc: d, reference: { ...m, seed: d.seed } };
}

export function benchScenarios(): BenchScenario[] {
  return [
    balancedServices(
      'lb-10-services: 1M requests, 5000 rps, round robin, 10 × 8 workers, exp 10 ms',
      { durationS: 200, rps: 5000, services: 10, workers: 8, meanMs: 10 },
    ),
    balancedServices('mm1: 1M requests, ρ 0.8', {
      durationS: 12500,
      rps: 80,
      services: 1,
      workers: 1,
      meanMs: 10,
    }),
    {
      doc: doc(
        'three tiers with latencies and a cache: 500k requests',
        250,
        [
          clientNode('users', 2000, { count: 100000, zipf: 0.9 }),
          serviceNode('api', 16, exp(5), 4),
          nodeOf('cache', 'cache', {
            capacity: 10000,
            hitMs: { dist: 'constant', ms: 0.5 },
          }),
          serviceNode('db', 32, { dist: 'lognormal', meanMs: 8, cv: 1.5 }),
        ],
        [
          edgeOf('u-api', 'users', 'api', { dist: 'uniform', minMs: 5, maxMs: 15 }),
          edgeOf('api-cache', 'api', 'cache', { dist: 'constant', ms: 0.3 }),
          edgeOf('cache-db', 'cache', 'db', { dist: 'constant', ms: 1 }),
        ],
      ),
    },
  ];
}
