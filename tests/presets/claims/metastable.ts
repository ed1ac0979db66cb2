/**
 * Metastable-failure lessons, the second set of `overload-*` presets: a balancer sinking traffic
 * into a fast-failing replica, a timeout cascade across three tiers, a connection pool running
 * dry and a garbage collector that cannot keep up.
 */
import { between, edge, mean, param } from './edit.ts';
import type { Claim, RawDoc, Run } from './harness.ts';
import { recoveredAt } from './overload.ts';

const errorsIn = (x: Run, fromS: number, toS: number) =>
  mean(between(x, fromS, toS).map((w) => w.errorRate));
const arrivalsIn = (x: Run, node: string, fromS: number, toS: number) =>
  mean(between(x, fromS, toS).map((w) => w.nodes[node]!.arrivals));

const SK = 'overload-sinkholing';
const strategy = (s: string) => param('lb', 'strategy', s);
export const sinkholing: Claim[] = [
  { preset: SK, claim: 'errors before', metric: (x) => errorsIn(x, 10, 30), expected: 0, abs: 0 },
  { preset: SK, claim: 'errors in the fault', metric: (x) => errorsIn(x, 35, 90), expected: 0.55 },
  {
    preset: SK,
    claim: 'API C arrivals in the fault',
    metric: (x) => arrivalsIn(x, 'api-c', 35, 90),
    expected: 180,
  },
  {
    preset: SK,
    claim: 'round robin: errors in the fault',
    variant: strategy('roundRobin'),
    metric: (x) => errorsIn(x, 35, 90),
    expected: 0.3,
  },
  {
    preset: SK,
    claim: 'round robin: API C arrivals in the fault',
    variant: strategy('roundRobin'),
    metric: (x) => arrivalsIn(x, 'api-c', 35, 90),
    expected: 100,
  },
  {
    preset: SK,
    claim: 'power of two: errors in the fault',
    variant: strategy('powerOfTwoChoices'),
    metric: (x) => errorsIn(x, 35, 90),
    expected: 0.47,
  },
  {
    preset: SK,
    claim: 'outlier detection: errors in the fault',
    variant: param('lb', 'outlierDetection', { consecutiveErrors: 5, ejectMs: 30_000 }),
    metric: (x) => errorsIn(x, 35, 90),
    expected: 0.0005,
    abs: 0.0005,
  },
  {
    preset: SK,
    claim: 'outlier detection: ejections',
    variant: param('lb', 'outlierDetection', { consecutiveErrors: 5, ejectMs: 30_000 }),
    metric: ({ r }) => (r.nodes['lb']!.ejections as number | undefined) ?? 0,
    expected: 2,
    abs: 0,
  },
];

const TC = 'overload-timeout-cascade';
const goodputIn = (x: Run, fromS: number, toS: number) =>
  mean(between(x, fromS, toS).map((w) => w.goodputRps ?? 0));
const budget = (doc: RawDoc) =>
  edge('e-app-db', 'timeoutMs', 250)(edge('e-web-app', 'timeoutMs', 900)(doc));
const dropAbandoned = param('db', 'discipline', { order: 'fifo', dropAbandoned: true });
const noInnerRetries = (doc: RawDoc) =>
  edge('e-app-db', 'retry', undefined)(edge('e-web-app', 'retry', undefined)(doc));
export const timeoutCascade: Claim[] = [
  { preset: TC, claim: 'errors before', metric: (x) => errorsIn(x, 10, 30), expected: 0, abs: 0 },
  { preset: TC, claim: 'errors after', metric: (x) => errorsIn(x, 60, 120), expected: 1, abs: 0 },
  { preset: TC, claim: 'goodput after', metric: (x) => goodputIn(x, 60, 120), expected: 0, abs: 0 },
  {
    preset: TC,
    claim: 'database rps after',
    metric: (x) => mean(between(x, 60, 120).map((w) => w.nodes['db']!.throughputRps)),
    expected: 197,
    tolerance: 0.01,
  },
  { preset: TC, claim: 'retries', metric: ({ r }) => r.retries ?? 0, expected: 23_125, abs: 0 },
  {
    preset: TC,
    claim: 'database calls',
    metric: ({ r }) => r.edges!['e-app-db']!.calls,
    expected: 20_460,
    abs: 0,
  },
  {
    preset: TC,
    claim: 'shrinking timeouts: errors after',
    variant: budget,
    metric: (x) => errorsIn(x, 60, 120),
    expected: 1,
    abs: 0,
  },
  {
    preset: TC,
    claim: 'shrinking timeouts: database calls',
    variant: budget,
    metric: ({ r }) => r.edges!['e-app-db']!.calls,
    expected: 65_321,
    abs: 0,
  },
  {
    preset: TC,
    claim: 'drop abandoned: recovers at',
    variant: dropAbandoned,
    metric: (x) => recoveredAt(x, 40),
    expected: 42,
    abs: 1,
  },
  {
    preset: TC,
    claim: 'no inner retries: recovers at',
    variant: noInnerRetries,
    metric: (x) => recoveredAt(x, 40),
    expected: 49,
    abs: 1,
  },
];

const CP = 'overload-connection-pool';
const failFast = edge('e-api-db', 'bulkhead.maxWaitMs', 100);
const bigPool = edge('e-api-db', 'bulkhead.maxConcurrent', 30);
const apiIn = (x: Run, key: string, fromS: number, toS: number) =>
  mean(between(x, fromS, toS).map((w) => w.nodes['api']![key] as number));
export const connectionPool: Claim[] = [
  { preset: CP, claim: 'errors before', metric: (x) => errorsIn(x, 10, 30), expected: 0, abs: 0 },
  {
    preset: CP,
    claim: 'errors in the fault',
    metric: (x) => errorsIn(x, 35, 50),
    expected: 1,
    abs: 0,
  },
  {
    preset: CP,
    claim: 'goodput in the fault',
    metric: (x) => goodputIn(x, 35, 50),
    expected: 0,
    abs: 0,
  },
  {
    preset: CP,
    claim: 'api utilization in the fault',
    metric: (x) => apiIn(x, 'utilization', 35, 50),
    expected: 1,
    abs: 0.005,
  },
  {
    preset: CP,
    claim: 'bulkhead wait in the fault',
    metric: (x) => apiIn(x, 'bulkheadWaitMs', 35, 50),
    expected: 850,
  },
  {
    preset: CP,
    claim: 'database rps in the fault',
    metric: (x) => mean(between(x, 35, 50).map((w) => w.nodes['db']!.throughputRps)),
    expected: 100,
  },
  {
    preset: CP,
    claim: 'fail fast: errors in the fault',
    variant: failFast,
    metric: (x) => errorsIn(x, 35, 50),
    expected: 0.48,
  },
  {
    preset: CP,
    claim: 'fail fast: goodput in the fault',
    variant: failFast,
    metric: (x) => goodputIn(x, 35, 50),
    expected: 100,
  },
  {
    preset: CP,
    claim: 'fail fast: every failure a bulkheadTimeout',
    variant: failFast,
    metric: ({ r }) => (r.errors?.bulkheadTimeout ?? 0) / r.requests.failed,
    expected: 1,
    abs: 0,
  },
  {
    preset: CP,
    claim: 'pool of 30: no errors',
    variant: bigPool,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.0005,
  },
];

const GS = 'overload-gc-death-spiral';
const noSpike = (doc: RawDoc): RawDoc => ({
  ...doc,
  faults: (doc.faults ?? []).filter((f) => f['kind'] !== 'spike'),
});
const heapBound = param('api', 'queueCapacity', 200);
export const gcDeathSpiral: Claim[] = [
  { preset: GS, claim: 'errors before', metric: (x) => errorsIn(x, 10, 30), expected: 0, abs: 0 },
  {
    preset: GS,
    claim: 'no spike: no errors',
    variant: noSpike,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0,
  },
  {
    preset: GS,
    claim: 'nothing completes from t = 34 s',
    metric: (x) => Math.max(...between(x, 34, 120).map((w) => w.nodes['api']!.ok)),
    expected: 0,
    abs: 0,
  },
  { preset: GS, claim: 'errors after', metric: (x) => errorsIn(x, 60, 120), expected: 1, abs: 0 },
  { preset: GS, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.81 },
  {
    preset: GS,
    claim: 'waiting at the end',
    metric: (x) => between(x, 119, 120)[0]!.nodes['api']!.queueNow,
    expected: 15_900,
    tolerance: 0.01,
  },
  {
    preset: GS,
    claim: 'drop abandoned: errors after',
    variant: param('api', 'discipline', { order: 'fifo', dropAbandoned: true }),
    metric: (x) => errorsIn(x, 60, 120),
    expected: 1,
    abs: 0,
  },
  {
    preset: GS,
    claim: 'queue capacity: rejected',
    variant: heapBound,
    metric: ({ r }) => r.errors?.rejected ?? 0,
    expected: 1992,
    abs: 0,
  },
  {
    preset: GS,
    claim: 'queue capacity: recovers at',
    variant: heapBound,
    metric: (x) => recoveredAt(x, 30),
    expected: 41,
    abs: 1,
  },
];
