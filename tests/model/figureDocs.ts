/**
 * Documents that, between them, make every node kind report every figure it declares: a few
 * presets, plus small stories for the figures no preset reaches (write-behind, refresh-ahead,
 * priorities, a full queue, a crashed shard).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answersCalls } from '../../src/model/kinds/index.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';
import {
  balancer,
  cache,
  client,
  constant,
  database,
  edge,
  exp,
  queue,
  rateLimiter,
  scenario,
  service,
  shardRouter,
  stream,
} from '../fixtures/docs.ts';

const presetsDir = join(dirname(fileURLToPath(import.meta.url)), '../../presets');

/** The presets that, together, reach the most figures (a greedy cover over all of them). */
const PRESETS = [
  'cqrs',
  'failover-active-active',
  'failover-active-passive',
  'rate-limiting',
  'sharding-hot-key',
  'autoscaling-predictive',
  'cache-stampede',
];

const writeBehind = scenario({
  durationS: 20,
  nodes: [
    client('c', { writeRatio: 0.5, keys: { count: 1000, zipf: 0 } }),
    cache('cache', { strategy: 'writeBehind', writeBehindFlushMs: 1000 }),
    database('db'),
  ],
  edges: [edge('c', 'cache'), edge('cache', 'db')],
  faults: [{ atS: 10.5, kind: 'flush', target: 'cache' }],
});

const refreshAhead = scenario({
  durationS: 20,
  nodes: [
    client('c', { keys: { count: 1, zipf: 0 } }),
    cache('cache', { strategy: 'refreshAhead', ttlMs: 1000 }),
    database('db'),
  ],
  edges: [edge('c', 'cache'), edge('cache', 'db')],
});

/** Two priorities and a small queue that fills: messages refused, ages per priority. */
const fullPriorityQueue = scenario({
  durationS: 20,
  nodes: [
    client('c', { arrival: { process: 'poisson', rps: 200 } }),
    queue('q', { priorities: 2, capacity: 20 }),
    service('worker', { workers: 1, serviceTimeMs: exp(10) }),
  ],
  edges: [edge('c', 'q'), edge('q', 'worker')],
});

/** Request-reply with a timeout some replies miss: replies, timeouts, late ones, the parts. */
const requestReply = scenario({
  durationS: 20,
  nodes: [
    client('c', { arrival: { process: 'poisson', rps: 50 } }),
    queue('q', { reply: { timeoutMs: 30, replyMs: 1 } }),
    service('worker', { workers: 1, serviceTimeMs: exp(10) }),
  ],
  edges: [edge('c', 'q'), edge('q', 'worker')],
});

/** A scheduled job source: two bursts of jobs and their makespans. */
const scheduledJobs = scenario({
  durationS: 20,
  nodes: [
    client('cron', { schedule: { everyS: 10, jobs: 20, firstS: 1, jitterMs: 0 } }),
    service('worker', { workers: 4, serviceTimeMs: exp(10) }),
  ],
  edges: [edge('cron', 'worker')],
});

/** One shard crashes: the router answers its calls with errors. */
const crashedShard = scenario({
  durationS: 20,
  nodes: [
    client('c'),
    shardRouter('router'),
    database('a', { readTimeMs: constant(1) }),
    database('b', { readTimeMs: constant(1) }),
  ],
  edges: [edge('c', 'router'), edge('router', 'a'), edge('router', 'b')],
  faults: [{ atS: 5, forS: 5, kind: 'crash', target: 'a' }],
});

/** A service and a database whose service slows with their load (the slowdown figure), with
 *  queue disciplines that drop work (the dropped figure), the service behind an adaptive
 *  concurrency limit (the concurrencyLimit figure); a service calling through a bulkhead (the
 *  bulkheadWaitMs figure). */
const loadDependent = scenario({
  durationS: 20,
  nodes: [
    client('c', { arrival: { process: 'poisson', rps: 80 } }),
    client('c2', { arrival: { process: 'poisson', rps: 150 } }),
    service('api', {
      workers: 1,
      loadDependence: {
        on: 'inService',
        curve: 'linear',
        coefficient: 0.2,
        exponent: 2,
        maxFactor: 100,
      },
      discipline: { order: 'lifo', lifoAbove: 10, codelIntervalMs: 100, dropAbandoned: true },
      concurrencyLimit: {
        algorithm: 'aimd',
        initial: 20,
        min: 1,
        max: 1000,
        latencyThresholdMs: 100,
        backoffRatio: 0.9,
        alpha: 3,
        beta: 6,
      },
    }),
    database('db', {
      connections: 1,
      readTimeMs: exp(8),
      loadDependence: {
        on: 'present',
        curve: 'exponential',
        coefficient: 0.1,
        exponent: 2,
        maxFactor: 10,
      },
      discipline: {
        order: 'fifo',
        lifoAbove: 10,
        codelTargetMs: 5,
        codelIntervalMs: 100,
        dropAbandoned: true,
      },
    }),
    client('c3', { arrival: { process: 'poisson', rps: 50 } }),
    service('front', { workers: 100 }),
    service('store', { workers: 100, serviceTimeMs: exp(30) }),
  ],
  // Both overloaded: the api's callers give up after 50 ms, the database's line stands.
  edges: [
    edge('c', 'api', { timeoutMs: 50 }),
    edge('c2', 'db'),
    edge('c3', 'front'),
    edge('front', 'store', { bulkhead: { maxConcurrent: 1, maxWaiting: 10, maxWaitMs: 20 } }),
  ],
});

/** Four request classes (every chart slot) over a Layer-4 balancer (its connections), and a
 *  batch consumer; the classes reach a node of every kind (each reports its figures by class). */
const fourClasses = scenario({
  durationS: 10,
  nodes: [
    client('c2'),
    service('writer', { batch: { maxItems: 10, maxWaitMs: 50, overheadMs: 10, perItemMs: 1 } }),
    client('c', {
      classes: ['a', 'b', 'c', 'd'].map((name, i) => ({ name, share: 1, priority: i })),
    }),
    balancer('lb', { layer: 'l4' }),
    service('api'),
    rateLimiter('rl'),
    cache('cache'),
    database('db'),
    queue('q'),
    service('worker'),
    shardRouter('router'),
    database('shard'),
  ],
  edges: [
    edge('c', 'lb'),
    edge('lb', 'api'),
    edge('c2', 'writer'),
    edge('c', 'rl'),
    edge('rl', 'cache'),
    edge('cache', 'db'),
    edge('c', 'q'),
    edge('q', 'worker'),
    edge('c', 'router'),
    edge('router', 'shard'),
  ],
});

/** Partitions on replication edges: multi-primaries diverge, a refusing replica fails reads;
 *  the replica also sends reads of fresh keys to its primary (read your writes). */
const partitionedStores = scenario({
  durationS: 20,
  nodes: [
    client('c', {
      arrival: { process: 'poisson', rps: 200 },
      writeRatio: 0.5,
      keys: { count: 10, zipf: 0 },
    }),
    service('api', { workers: 100, serviceTimeMs: constant(0.1), calls: 'oneOf' }),
    database('p', { multiPrimary: true, sessions: 'watched' }),
    database('q', { multiPrimary: true }),
    database('r', { onPartition: 'refuse', readYourWritesMs: 1 }),
  ],
  edges: [
    edge('c', 'api'),
    edge('api', 'p'),
    edge('api', 'q'),
    edge('api', 'r'),
    edge('p', 'q', { id: 'pq', kind: 'replication', latencyMs: constant(5) }),
    edge('q', 'p', { id: 'qp', kind: 'replication', latencyMs: constant(5) }),
    edge('p', 'r', { id: 'pr', kind: 'replication', latencyMs: constant(5) }),
  ],
  faults: ['pq', 'qp', 'pr'].map((target) => ({
    atS: 5,
    forS: 5,
    kind: 'partition' as const,
    target,
  })),
});

/** Eight partitions (every per-partition chart line), four classes, a live group, a replay at
 *  5 s, and a crashed consumer replica (a rebalance). */
const replayedStream = scenario({
  durationS: 20,
  nodes: [
    client('c', {
      keys: { count: 1000, zipf: 0 },
      classes: ['a', 'b', 'c', 'd'].map((name) => ({ name, share: 1, priority: 0 })),
    }),
    stream('log', { partitions: 8, rebalanceMs: 1000, replays: [{ groups: ['rebuild'], atS: 5 }] }),
    service('view', { replicas: 2, workers: 2 }),
    service('rebuild', { replicas: 2, workers: 2 }),
  ],
  edges: [edge('c', 'log'), edge('log', 'view'), edge('log', 'rebuild')],
  faults: [{ atS: 8, forS: 4, kind: 'crash', target: 'view', replicas: 1 }],
});

export function figureDocs(): Scenario[] {
  const presets = PRESETS.map((name) =>
    loadScenarioOrThrow(JSON.parse(readFileSync(join(presetsDir, `${name}.json`), 'utf8'))),
  );
  const docs = [
    ...presets,
    writeBehind,
    refreshAhead,
    fullPriorityQueue,
    requestReply,
    scheduledJobs,
    crashedShard,
    loadDependent,
    fourClasses,
    partitionedStores,
    replayedStream,
  ];
  return [...docs, ...failingCopies(docs)];
}

/**
 * For each kind that answers calls, a copy of the first document using it with random failures
 * on every such node (the availability figures; MTBF 4 s, MTTR 1 s: outages within 20 s).
 */
function failingCopies(docs: Scenario[]): Scenario[] {
  const covered = new Set<string>();
  const copies: Scenario[] = [];
  for (const doc of docs) {
    const fresh = doc.nodes.filter((n) => answersCalls(n.type) && !covered.has(n.type));
    if (fresh.length === 0) continue;
    for (const n of fresh) covered.add(n.type);
    const failures = doc.nodes
      .filter((n) => answersCalls(n.type))
      .map((n) => ({ atS: 0, kind: 'failures' as const, target: n.id, mtbfS: 4, mttrS: 1 }));
    copies.push({ ...doc, durationS: Math.min(doc.durationS, 20), faults: failures });
  }
  return copies;
}
