/** Data tier lessons: `read-replicas`, `sharding-hot-key` and `cqrs`. */
import { all, dropEdge, edge, addFault, mean, param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

const RR = 'read-replicas';
const util =
  (id: string) =>
  ({ r }: Run) =>
    r.nodes[id]!.utilization;
const stale =
  (id: string) =>
  ({ r }: Run) =>
    r.nodes[id]!.staleReads!;
const staleShare =
  (id: string) =>
  ({ r }: Run) =>
    r.nodes[id]!.staleReads! / r.nodes[id]!.ok;
const noReplicas = all(dropEdge('e-api-replica1'), dropEdge('e-api-replica2'));
const fast = { dist: 'exponential', meanMs: 20 };
const fastRepl = all(edge('e-repl-1', 'latencyMs', fast), edge('e-repl-2', 'latencyMs', fast));
export const readReplicas: Claim[] = [
  { preset: RR, claim: 'primary busy', metric: util('primary'), expected: 0.41 },
  { preset: RR, claim: 'replica busy', metric: util('replica1'), expected: 0.4 },
  { preset: RR, claim: 'p50', metric: ({ r }) => r.latencyMs.p50, expected: 13.5 },
  { preset: RR, claim: 'p99', metric: ({ r }) => r.latencyMs.p99, expected: 55 },
  { preset: RR, claim: 'replica 1 stale reads', metric: stale('replica1'), expected: 4103, abs: 0 },
  { preset: RR, claim: 'replica 1 stale share', metric: staleShare('replica1'), expected: 0.17 },
  { preset: RR, claim: 'replica 2 stale reads', metric: stale('replica2'), expected: 5664, abs: 0 },
  { preset: RR, claim: 'replica 2 stale share', metric: staleShare('replica2'), expected: 0.24 },
  {
    preset: RR,
    claim: 'no replicas: primary busy',
    variant: noReplicas,
    metric: util('primary'),
    expected: 0.95,
  },
  {
    preset: RR,
    claim: 'no replicas: p50',
    variant: noReplicas,
    metric: ({ r }) => r.latencyMs.p50,
    expected: 31,
  },
  {
    preset: RR,
    claim: 'no replicas: p99',
    variant: noReplicas,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 119,
  },
  {
    preset: RR,
    claim: 'fast replication: replica 1 stale',
    variant: fastRepl,
    metric: stale('replica1'),
    expected: 307,
    abs: 0,
  },
  {
    preset: RR,
    claim: 'fast replication: replica 2 stale',
    variant: fastRepl,
    metric: stale('replica2'),
    expected: 2742,
    abs: 0,
  },
];

const SH = 'sharding-hot-key';
const rps =
  (id: string) =>
  ({ r }: Run) =>
    r.nodes[id]!.throughputRps;
const p99Of =
  (id: string) =>
  ({ r }: Run) =>
    r.nodes[id]!.latencyMs.p99;
const uniform = param('players', 'keys.zipf', 0);
const range = param('router', 'strategy', 'range');
const ring = param('router', 'strategy', 'consistentHash');
const share1 = ({ r }: Run) => {
  const calls = r.nodes['router']!['shardCalls'] as Record<string, number>;
  return calls['shard1']! / Object.values(calls).reduce((a, b) => a + b, 0);
};
export const shardingHotKey: Claim[] = [
  { preset: SH, claim: 'hash: shard 1 rps', metric: rps('shard1'), expected: 251 },
  { preset: SH, claim: 'hash: shard 1 busy', metric: util('shard1'), expected: 0.82 },
  { preset: SH, claim: 'hash: shard 2 rps', metric: rps('shard2'), expected: 138 },
  { preset: SH, claim: 'hash: shard 2 busy', metric: util('shard2'), expected: 0.44 },
  { preset: SH, claim: 'hash: p99', metric: ({ r }) => r.latencyMs.p99, expected: 85 },
  {
    preset: SH,
    claim: 'hash: shards busy on average',
    metric: ({ r }) =>
      mean(['shard1', 'shard2', 'shard3', 'shard4'].map((id) => r.nodes[id]!.utilization)),
    expected: 0.65,
  },
  { preset: SH, claim: 'hash: shard 1 p99', metric: p99Of('shard1'), expected: 90 },
  { preset: SH, claim: 'hash: shard 2 p99', metric: p99Of('shard2'), expected: 39 },
  {
    preset: SH,
    claim: 'uniform: shard 1 rps',
    variant: uniform,
    metric: rps('shard1'),
    expected: 200,
  },
  {
    preset: SH,
    claim: 'uniform: shard 1 busy',
    variant: uniform,
    metric: util('shard1'),
    expected: 0.65,
  },
  { preset: SH, claim: 'range: shard 1 share', variant: range, metric: share1, expected: 0.94 },
  {
    preset: SH,
    claim: 'range: shard 1 queue',
    variant: range,
    metric: ({ r }) => r.nodes['shard1']!.meanQueueLength,
    expected: 29000,
    tolerance: 0.15,
  },
  {
    preset: SH,
    claim: 'ring: shard 3 busy',
    variant: ring,
    metric: util('shard3'),
    expected: 0.91,
  },
  {
    preset: SH,
    claim: 'ring: p99',
    variant: ring,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 136,
  },
];

const CQ = 'cqrs';
const clientP99 =
  (id: string) =>
  ({ r }: Run) =>
    r.nodes[id]!.latencyMs.p99;
const slowProjector = addFault({
  atS: 60,
  forS: 30,
  kind: 'slow',
  target: 'projector',
  factor: 10,
});
const bigCache = all(param('readCache', 'capacity', 5000), param('readCache', 'ttlMs', 60000));
const busy = param('editors', 'arrival.rps', 300);
const events = (run: Run, f: string) => run.r.nodes['events']![f] as number;
const age = (run: Run) => run.r.nodes['events']!['messageAgeMs'] as { p99: number; max: number };
export const cqrs: Claim[] = [
  { preset: CQ, claim: 'commands p99', metric: clientP99('editors'), expected: 66 },
  { preset: CQ, claim: 'queries p99', metric: clientP99('viewers'), expected: 22 },
  {
    preset: CQ,
    claim: 'read cache hit',
    metric: ({ r }) => r.nodes['readCache']!.hitRatio!,
    expected: 0.51,
  },
  { preset: CQ, claim: 'read model busy', metric: util('readDb'), expected: 0.07, tolerance: 0.08 },
  {
    preset: CQ,
    claim: 'event wait under 1 ms',
    metric: (x) => events(x, 'meanMessageAgeMs'),
    expected: 0,
    abs: 1,
  },
  {
    preset: CQ,
    claim: 'slow projector: commands p99',
    variant: slowProjector,
    metric: clientP99('editors'),
    expected: 66,
  },
  {
    preset: CQ,
    claim: 'slow projector: queries p99',
    variant: slowProjector,
    metric: clientP99('viewers'),
    expected: 22,
  },
  {
    preset: CQ,
    claim: 'slow projector: depth max',
    variant: slowProjector,
    metric: (x) => events(x, 'depthMax'),
    expected: 534,
    abs: 0,
  },
  {
    preset: CQ,
    claim: 'slow projector: age p99',
    variant: slowProjector,
    metric: (x) => age(x).p99,
    expected: 9900,
  },
  {
    preset: CQ,
    claim: 'slow projector: age max',
    variant: slowProjector,
    metric: (x) => age(x).max,
    expected: 10000,
  },
  {
    preset: CQ,
    claim: 'big cache: hit',
    variant: bigCache,
    metric: ({ r }) => r.nodes['readCache']!.hitRatio!,
    expected: 0.88,
  },
  {
    preset: CQ,
    claim: '300 commands/s: mean age',
    variant: busy,
    metric: (x) => events(x, 'meanMessageAgeMs'),
    expected: 27000,
  },
  {
    preset: CQ,
    claim: '300 commands/s: rejected',
    variant: busy,
    metric: ({ r }) => r.nodes['editors']!.failed / r.nodes['editors']!.arrivals,
    expected: 0.14,
  },
  {
    preset: CQ,
    claim: '300 commands/s: run error rate',
    variant: busy,
    metric: ({ r }) => r.errorRate,
    expected: 0.05,
  },
];
