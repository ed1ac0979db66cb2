/** The standard benchmark set, as documents built in code (fully defaulted). */
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

export function benchScenarios(): Scenario[] {
  const ten = Array.from({ length: 10 }, (_, i) => `svc${i}`);
  return [
    doc(
      'lb-10-services: 1M requests, 5000 rps, round robin, 10 × 8 workers, exp 10 ms',
      200,
      [
        clientNode('users', 5000),
        nodeOf('loadBalancer', 'lb', { strategy: 'roundRobin' }),
        ...ten.map((id) => serviceNode(id, 8, exp(10))),
      ],
      [edgeOf('u-lb', 'users', 'lb'), ...ten.map((id) => edgeOf(`lb-${id}`, 'lb', id))],
    ),
    doc(
      'mm1: 1M requests, ρ 0.8',
      12500,
      [clientNode('users', 80), serviceNode('s', 1, exp(10))],
      [edgeOf('e', 'users', 's')],
    ),
    doc(
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
  ];
}
