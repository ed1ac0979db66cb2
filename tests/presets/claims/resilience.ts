/** Resilience lessons: `retry-storm`, `circuit-breaker` and the two failover presets. */
import { all, between, edge, mean, noFaults, param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

const maxOf = (xs: number[]) => Math.max(...xs);
const minOf = (xs: number[]) => Math.min(...xs);
/** The first window after `fromS` from which every window has under 1 % errors. */
const recoveredAt = (run: Run, fromS: number): number => {
  const ws = between(run, fromS, 1e9);
  let at = Infinity;
  for (let i = ws.length - 1; i >= 0 && ws[i]!.errorRate < 0.01; i--) at = ws[i]!.tS;
  return at;
};

const RS = 'retry-storm';
const noRetry = edge('e-api-inventory', 'retry', undefined);
const budget = edge('e-api-inventory', 'retry', {
  max: 3,
  backoffMs: 50,
  multiplier: 2,
  jitter: true,
  budgetRatio: 0.1,
});
const inv = (x: Run) => x.r.nodes['inventory']!;
export const retryStorm: Claim[] = [
  {
    preset: RS,
    claim: 'no fault: errors',
    variant: noFaults,
    metric: ({ r }) => r.errorRate,
    expected: 0,
    abs: 0.0001,
  },
  {
    preset: RS,
    claim: 'no fault: p99',
    variant: noFaults,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 83,
  },
  {
    preset: RS,
    claim: 'never recovers',
    metric: (x) => minOf(between(x, 62, 1e9).map((w) => w.errorRate)),
    expected: 1,
  },
  { preset: RS, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.7 },
  { preset: RS, claim: 'inventory rps', metric: (x) => inv(x).throughputRps, expected: 242 },
  {
    preset: RS,
    claim: 'inventory calls',
    metric: (x) => inv(x).arrivals,
    expected: 105139,
    abs: 0,
  },
  {
    preset: RS,
    claim: 'requests',
    metric: ({ r }) => r.nodes['users']!.arrivals,
    expected: 33853,
    abs: 0,
  },
  {
    preset: RS,
    claim: 'no retry: recovers at',
    variant: noRetry,
    metric: (x) => recoveredAt(x, 62),
    expected: 95,
    tolerance: 0.01,
  },
  {
    preset: RS,
    claim: 'budget: recovers at',
    variant: budget,
    metric: (x) => recoveredAt(x, 62),
    expected: 106,
    tolerance: 0.01,
  },
  {
    preset: RS,
    claim: 'queue 30: error rate',
    variant: param('inventory', 'queueCapacity', 30),
    metric: ({ r }) => r.errorRate,
    expected: 0.044,
  },
];

const CB = 'circuit-breaker';
const noBreaker = edge('e-product-recs', 'circuitBreaker', undefined);
const noFallback = edge('e-product-recs', 'fallback', undefined);
const shortTimeout = all(noBreaker, edge('e-product-recs', 'timeoutMs', 200));
export const circuitBreaker: Claim[] = [
  {
    preset: CB,
    claim: 'rejected',
    metric: ({ r }) => r.errors?.rejected ?? 0,
    expected: 727,
    abs: 0,
  },
  {
    preset: CB,
    claim: 'p99 from 70 s',
    metric: (x) => mean(between(x, 70, 100).map((w) => w.latencyMs.p99)),
    expected: 95,
  },
  { preset: CB, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.034 },
  {
    preset: CB,
    claim: 'breaker closed again',
    metric: ({ r }) => (r.edges!['e-product-recs']!.breaker === 'closed' ? 1 : 0),
    expected: 1,
    abs: 0,
  },
  {
    preset: CB,
    claim: 'no breaker: least rejected',
    variant: noBreaker,
    metric: (x) => minOf(between(x, 62, 100).map((w) => w.errorRate)),
    expected: 0.77,
  },
  {
    preset: CB,
    claim: 'no breaker: most rejected',
    variant: noBreaker,
    metric: (x) => maxOf(between(x, 62, 100).map((w) => w.errorRate)),
    expected: 0.8,
  },
  {
    preset: CB,
    claim: 'no breaker: pages take',
    variant: noBreaker,
    metric: (x) => mean(between(x, 65, 100).map((w) => w.latencyMs.p50)),
    expected: 7000,
  },
  {
    preset: CB,
    claim: 'no breaker: run error rate',
    variant: noBreaker,
    metric: ({ r }) => r.errorRate,
    expected: 0.22,
  },
  {
    preset: CB,
    claim: 'no fallback: run error rate',
    variant: noFallback,
    metric: ({ r }) => r.errorRate,
    expected: 0.31,
  },
  {
    preset: CB,
    claim: '200 ms timeout: error rate',
    variant: shortTimeout,
    metric: ({ r }) => r.errorRate,
    expected: 0.0025,
  },
  {
    preset: CB,
    claim: '200 ms timeout: p99',
    variant: shortTimeout,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 1600,
  },
];

const AA = 'failover-active-active';
const noHc = param('glb', 'healthCheck', undefined);
const noHcLc = all(noHc, param('glb', 'strategy', 'leastConnections'));
const quick = all(
  param('glb', 'healthCheck.intervalMs', 250),
  param('glb', 'healthCheck.unhealthyAfter', 2),
);
const oneWest = param('west', 'replicas', 1);
const westAlone = (x: Run) => mean(between(x, 65, 100).map((w) => w.nodes['west']!.utilization));
export const activeActive: Claim[] = [
  {
    preset: AA,
    claim: 'detection',
    metric: ({ r }) => r.nodes['glb']!.detectionMs!.mean,
    expected: 2500,
  },
  {
    preset: AA,
    claim: 'no errors from 64 s',
    metric: (x) => maxOf(between(x, 64, 1e9).map((w) => w.errorRate)),
    expected: 0,
    abs: 0.0001,
  },
  {
    preset: AA,
    claim: 'p50 before',
    metric: (x) => mean(between(x, 10, 60).map((w) => w.latencyMs.p50)),
    expected: 72,
  },
  {
    preset: AA,
    claim: 'p50 west alone',
    metric: (x) => mean(between(x, 65, 100).map((w) => w.latencyMs.p50)),
    expected: 83,
  },
  { preset: AA, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.01 },
  { preset: AA, claim: 'west busy alone', metric: westAlone, expected: 0.38 },
  {
    preset: AA,
    claim: 'no health check',
    variant: noHc,
    metric: ({ r }) => r.errorRate,
    expected: 0.14,
  },
  {
    preset: AA,
    claim: 'no health check, LC',
    variant: noHcLc,
    metric: ({ r }) => r.errorRate,
    expected: 0.22,
  },
  {
    preset: AA,
    claim: 'quick checks',
    variant: quick,
    metric: ({ r }) => r.errorRate,
    expected: 0.003,
  },
  {
    preset: AA,
    claim: 'one west: busy alone',
    variant: oneWest,
    metric: westAlone,
    expected: 0.75,
  },
  {
    preset: AA,
    claim: 'one west: error rate',
    variant: oneWest,
    metric: ({ r }) => r.errorRate,
    expected: 0.013,
  },
];

const AP = 'failover-active-passive';
const primary = (x: Run, f: string) => x.r.nodes['primary']![f] as number;
const fastRepl = edge('e-replication', 'latencyMs', { dist: 'exponential', meanMs: 20 });
const fastFailover = all(
  param('primary', 'failover.detectionMs', 1000),
  param('primary', 'failover.promotionMs', 2000),
);
export const activePassive: Claim[] = [
  { preset: AP, claim: 'RTO', metric: (x) => primary(x, 'rtoMs'), expected: 15000 },
  {
    preset: AP,
    claim: 'failed requests',
    metric: ({ r }) => r.requests.failed,
    expected: 1478,
    abs: 0,
  },
  { preset: AP, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.13 },
  {
    preset: AP,
    claim: 'refused writes',
    metric: (x) => primary(x, 'refusedWrites'),
    expected: 754,
    abs: 0,
  },
  {
    preset: AP,
    claim: 'lost writes',
    metric: (x) => primary(x, 'lostWrites'),
    expected: 73,
    abs: 0,
  },
  { preset: AP, claim: 'RPO', metric: (x) => primary(x, 'rpoMs'), expected: 1480 },
  {
    preset: AP,
    claim: 'p99 after promotion',
    metric: (x) => mean(between(x, 76, 1e9).map((w) => w.latencyMs.p99)),
    expected: 50,
  },
  {
    preset: AP,
    claim: 'fast replication: lost',
    variant: fastRepl,
    metric: (x) => primary(x, 'lostWrites'),
    expected: 0,
    abs: 0,
  },
  {
    preset: AP,
    claim: 'fast replication: RTO',
    variant: fastRepl,
    metric: (x) => primary(x, 'rtoMs'),
    expected: 15000,
  },
  {
    preset: AP,
    claim: 'fast failover: RTO',
    variant: fastFailover,
    metric: (x) => primary(x, 'rtoMs'),
    expected: 3000,
  },
  {
    preset: AP,
    claim: 'fast failover: error rate',
    variant: fastFailover,
    metric: ({ r }) => r.errorRate,
    expected: 0.028,
  },
];
