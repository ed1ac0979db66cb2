/**
 * Tracing lessons: `slow-dependency` and `retry-timeout`. The figures read from the results
 * here; the claims about what the traces show are checked in tests/presets/traces.test.ts.
 */
import { edge, param } from './edit.ts';
import type { Claim } from './harness.ts';

const SD = 'slow-dependency';
const RT = 'retry-timeout';
const steady = param('recs', 'serviceTimeMs', { dist: 'lognormal', meanMs: 12, cv: 0.5 });

export const slowDependency: Claim[] = [
  { preset: SD, claim: 'mean', metric: ({ r }) => r.latencyMs.mean, expected: 25 },
  { preset: SD, claim: 'p50', metric: ({ r }) => r.latencyMs.p50, expected: 17 },
  { preset: SD, claim: 'p99', metric: ({ r }) => r.latencyMs.p99, expected: 162 },
  { preset: SD, claim: 'slowest', metric: ({ r }) => r.latencyMs.max, expected: 893 },
  {
    preset: SD,
    claim: 'recommendations mean',
    metric: ({ r }) => r.nodes['recs']!.latencyMs.mean,
    expected: 12,
  },
  {
    preset: SD,
    claim: 'recommendations p99',
    metric: ({ r }) => r.nodes['recs']!.latencyMs.p99,
    expected: 152,
  },
  {
    preset: SD,
    claim: 'no queue anywhere',
    metric: ({ r }) => Math.max(...Object.values(r.nodes).map((n) => n.meanQueueLength)),
    expected: 0,
    abs: 0.01,
  },
  {
    preset: SD,
    claim: 'try: steadier recommendations, p99 near the mean (under 2 × mean)',
    variant: steady,
    metric: ({ r }) => (r.latencyMs.p99 < 2 * r.latencyMs.mean ? 1 : 0),
    expected: 1,
    abs: 0,
  },
];

export const retryTimeout: Claim[] = [
  { preset: RT, claim: 'no request fails', metric: ({ r }) => r.errorRate, expected: 0, abs: 0 },
  { preset: RT, claim: 'p50', metric: ({ r }) => r.latencyMs.p50, expected: 13 },
  { preset: RT, claim: 'mean', metric: ({ r }) => r.latencyMs.mean, expected: 44 },
  { preset: RT, claim: 'p99', metric: ({ r }) => r.latencyMs.p99, expected: 865 },
  { preset: RT, claim: 'slowest', metric: ({ r }) => r.latencyMs.max, expected: 1020 },
  { preset: RT, claim: 'retries sent', metric: ({ r }) => r.retries ?? 0, expected: 593, abs: 0 },
  {
    preset: RT,
    claim: 'try: no retries, requests fail after 300 ms',
    variant: edge('e-api-pricing', 'retry.max', 0),
    metric: ({ r }) => (r.errorRate > 0 && r.latencyMs.max < 310 ? 1 : 0),
    expected: 1,
    abs: 0,
  },
];
