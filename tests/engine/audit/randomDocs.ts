/**
 * A small generator of valid scenario documents for property tests: one or two clients (open or
 * closed) in front of an entry (balancer, rate limiter or service), an API service with random
 * replicas, workers, blocking, call mode, queue limits and autoscaling, and one to three
 * downstream branches mixing caches, databases with replicas, queues with consumers, shard
 * routers and plain services. Edges get random timeouts, retries, breakers and fallbacks; the run
 * gets a few random faults. Every document goes through the model's loader (defaults, checks).
 */
import fc from 'fast-check';
import { loadScenarioOrThrow } from '../../../src/model/load.ts';
import type { Scenario } from '../../../src/model/types.ts';

type Json = Record<string, unknown>;

const exp = (meanMs: number): Json => ({ dist: 'exponential', meanMs });

const policy = fc.record({
  timeoutMs: fc.option(fc.integer({ min: 5, max: 150 }), { nil: undefined }),
  retry: fc.option(
    fc.record({
      max: fc.integer({ min: 1, max: 3 }),
      backoffMs: fc.integer({ min: 0, max: 40 }),
      multiplier: fc.constant(2),
      jitter: fc.boolean(),
    }),
    { nil: undefined },
  ),
  breaker: fc.boolean(),
  fallback: fc.boolean(),
  latencyMs: fc.constantFrom(0, 0, 1, 3),
});
type Policy = typeof policy extends fc.Arbitrary<infer T> ? T : never;

function callEdge(id: string, source: string, target: string, p: Policy | null): Json {
  const e: Json = { id: `e_${id}`, source, target, kind: 'call' };
  if (p === null) return e;
  if (p.latencyMs > 0) e.latencyMs = exp(p.latencyMs);
  if (p.timeoutMs !== undefined) e.timeoutMs = p.timeoutMs;
  if (p.retry !== undefined) e.retry = p.retry;
  if (p.breaker) {
    e.circuitBreaker = {
      failureRatio: 0.5,
      minRequests: 5,
      openMs: 300,
      windowMs: 1000,
      halfOpenRequests: 1,
    };
  }
  if (p.fallback) e.fallback = true;
  return e;
}

const branchKind = fc.constantFrom('cache', 'database', 'queue', 'shard', 'service');

const shape = fc.record({
  closed: fc.boolean(),
  rps: fc.integer({ min: 30, max: 400 }),
  users: fc.integer({ min: 2, max: 40 }),
  writeRatio: fc.constantFrom(0, 0.1, 0.5),
  zipf: fc.constantFrom(0, 0.9),
  twoClients: fc.boolean(),
  entry: fc.constantFrom('loadBalancer', 'rateLimiter', 'service'),
  strategy: fc.constantFrom(
    'roundRobin',
    'leastConnections',
    'powerOfTwoChoices',
    'ipHash',
    'leastResponseTime',
  ),
  health: fc.boolean(),
  replicas: fc.integer({ min: 1, max: 3 }),
  workers: fc.integer({ min: 1, max: 4 }),
  blocking: fc.boolean(),
  calls: fc.constantFrom('sequential', 'parallel', 'oneOf'),
  queueCapacity: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  shed: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  autoscale: fc.constantFrom('none', 'reactive', 'scheduled'),
  branches: fc.array(fc.tuple(branchKind, policy), { minLength: 1, maxLength: 3 }),
  entryPolicy: policy,
  apiPolicy: policy,
  warmupS: fc.constantFrom(0, 0, 2),
  faults: fc.subarray(['crash', 'slow', 'loss', 'partition', 'flush', 'spike', 'latency', 'lag']),
  seed: fc.integer({ min: 1, max: 1000 }),
  cacheStrategy: fc.constantFrom(
    'readThrough',
    'cacheAside',
    'writeThrough',
    'writeBehind',
    'refreshAhead',
  ),
  readsOnReplica: fc.boolean(),
  pubSub: fc.boolean(),
  shardStrategy: fc.constantFrom('hash', 'range', 'consistentHash'),
});
export type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

/** Build (and load) the document a shape describes. */
export function buildDoc(s: Shape, durationS = 10, drainAfterS?: number): Scenario {
  const nodes: Json[] = [];
  const edges: Json[] = [];
  const node = (id: string, type: string, params: Json): void => {
    nodes.push({ id, type, params, position: { x: 0, y: 0 } });
  };
  const arrival = s.closed
    ? { process: 'closed', users: s.users, thinkMs: exp(50) }
    : { process: 'poisson', rps: s.rps };
  const clientParams: Json = {
    arrival,
    writeRatio: s.writeRatio,
    keys: { count: 200, zipf: s.zipf },
  };
  // Open clients stop sending after `drainAfterS`: the rest of the run drains the system.
  if (drainAfterS !== undefined) {
    clientParams.profile = [
      [0, 1],
      [drainAfterS, 1],
      [drainAfterS + 0.001, 0],
    ];
  }
  node('c1', 'client', clientParams);
  if (s.twoClients)
    node('c2', 'client', { ...clientParams, arrival: { process: 'constant', rps: 20 } });

  const api: Json = {
    replicas: s.replicas,
    workers: s.workers,
    serviceTimeMs: exp(4),
    blocking: s.blocking,
    calls: s.calls,
  };
  if (s.queueCapacity !== undefined) api.queueCapacity = s.queueCapacity;
  if (s.shed !== undefined) api.shedQueueLength = s.shed;
  if (s.autoscale === 'reactive') {
    api.autoscale = {
      mode: 'reactive',
      min: 1,
      max: 4,
      targetUtilization: 0.5,
      intervalS: 1,
      startupS: 1,
      cooldownS: 1,
    };
  } else if (s.autoscale === 'scheduled') {
    api.autoscale = {
      mode: 'scheduled',
      schedule: [
        [3, 4],
        [6, 1],
      ],
      startupS: 1,
    };
  }
  node('api', 'service', api);

  if (s.entry === 'loadBalancer') {
    const lb: Json = { strategy: s.strategy };
    if (s.health) {
      lb.healthCheck = { intervalMs: 300, timeoutMs: 50, unhealthyAfter: 2, healthyAfter: 1 };
      lb.outlierDetection = { consecutiveErrors: 3, ejectMs: 1000 };
    }
    node('entry', 'loadBalancer', lb);
  } else if (s.entry === 'rateLimiter') node('entry', 'rateLimiter', { rps: 150, burst: 20 });
  else node('entry', 'service', { replicas: 1, workers: 8, serviceTimeMs: exp(1) });
  edges.push(callEdge('c1-entry', 'c1', 'entry', s.entryPolicy));
  if (s.twoClients) edges.push(callEdge('c2-api', 'c2', 'api', null));
  edges.push(callEdge('entry-api', 'entry', 'api', s.apiPolicy));

  s.branches.forEach(([kind, p], i) => {
    const b = `b${i}`;
    const e = (id: string, src: string, dst: string, q: Policy | null): void => {
      edges.push(callEdge(id, src, dst, q));
    };
    if (kind === 'cache') {
      node(b, 'cache', { capacity: 50, ttlMs: 2000, eviction: 'lru', strategy: s.cacheStrategy });
      node(`${b}-db`, 'database', { connections: 4 });
      e(`api-${b}`, 'api', b, p);
      e(`${b}-db`, b, `${b}-db`, null);
    } else if (kind === 'database') {
      const failover = { detectionMs: 500, promotionMs: 500 };
      node(b, 'database', { connections: 3, queueCapacity: 20, failover });
      node(`${b}-r`, 'database', { connections: 3 });
      edges.push({ id: `e_${b}-repl`, source: b, target: `${b}-r`, kind: 'replication' });
      if (s.readsOnReplica) {
        // Reads spread over primary and replica by a balancer; writes reaching the replica
        // are passed to the primary.
        node(`${b}-lb`, 'loadBalancer', { strategy: 'roundRobin' });
        e(`api-${b}`, 'api', `${b}-lb`, p);
        e(`${b}-lb-p`, `${b}-lb`, b, null);
        e(`${b}-lb-r`, `${b}-lb`, `${b}-r`, null);
      } else e(`api-${b}`, 'api', b, p);
    } else if (kind === 'queue') {
      const delivery = s.pubSub ? 'pubSub' : 'pointToPoint';
      node(b, 'queue', { capacity: 100, maxDeliveries: 2, delivery });
      node(`${b}-w`, 'service', { workers: 2, serviceTimeMs: exp(5), queueCapacity: 2 });
      node(`${b}-w2`, 'service', { workers: 1, serviceTimeMs: exp(5) });
      node(`${b}-dlq`, 'service', { workers: 1, serviceTimeMs: exp(1) });
      e(`api-${b}`, 'api', b, p);
      e(`${b}-w`, b, `${b}-w`, { ...p, fallback: false, retry: undefined, breaker: false });
      e(`${b}-w2`, b, `${b}-w2`, null);
      edges.push({ id: `e_${b}-dl`, source: b, target: `${b}-dlq`, kind: 'deadLetter' });
    } else if (kind === 'shard') {
      node(b, 'shardRouter', { strategy: s.shardStrategy });
      node(`${b}-s0`, 'database', { connections: 2 });
      node(`${b}-s1`, 'database', { connections: 2 });
      e(`api-${b}`, 'api', b, p);
      e(`${b}-s0`, b, `${b}-s0`, null);
      e(`${b}-s1`, b, `${b}-s1`, null);
    } else {
      node(b, 'service', { replicas: 2, workers: 2, serviceTimeMs: exp(3), blocking: false });
      e(`api-${b}`, 'api', b, p);
    }
  });

  const faults: Json[] = [];
  const b0 = 'b0';
  for (const f of s.faults) {
    if (f === 'crash') faults.push({ atS: 3, forS: 2, kind: 'crash', target: 'api', replicas: 1 });
    if (f === 'crash' && s.branches[0]![0] !== 'service') {
      faults.push({ atS: 4, forS: 3, kind: 'crash', target: b0 });
    }
    if (f === 'slow') faults.push({ atS: 2, forS: 3, kind: 'slow', target: 'api', factor: 8 });
    if (f === 'loss')
      faults.push({ atS: 1, forS: 4, kind: 'loss', target: 'e_entry-api', probability: 0.2 });
    if (f === 'partition')
      faults.push({ atS: 4, forS: 2, kind: 'partition', target: `e_api-${b0}` });
    if (f === 'spike') faults.push({ atS: 5, forS: 2, kind: 'spike', target: 'c1', multiplier: 3 });
    if (f === 'latency')
      faults.push({ atS: 2, forS: 3, kind: 'latency', target: `e_api-${b0}`, addMs: 30 });
    const first = s.branches[0]![0];
    if (f === 'flush' && first === 'cache') faults.push({ atS: 5, kind: 'flush', target: b0 });
    if (f === 'lag' && first === 'database') {
      faults.push({ atS: 2, forS: 3, kind: 'lag', target: `e_${b0}-repl`, addMs: 200 });
    }
  }
  return loadScenarioOrThrow({
    version: 1,
    name: 'random',
    seed: s.seed,
    durationS,
    warmupS: s.warmupS,
    nodes,
    edges,
    faults,
  });
}

export const randomShape = shape;
