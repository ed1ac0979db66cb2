/** Regions lesson: `multi-region-active-active`. */
import { between, mean, param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

const MR = 'multi-region-active-active';
const p50 = (user: string, fromS: number, toS: number) => (x: Run) =>
  mean(between(x, fromS, toS).map((w) => w.nodes[user]!.p50Ms));
const euFailover = param('router-eu', 'strategy', 'failover');
const quick = param('router-eu', 'healthCheck.intervalMs', 250);
const cut = (d: Parameters<typeof euFailover>[0]) => ({
  ...d,
  faults: [{ atS: 60, forS: 40, kind: 'regionPartition', target: 'eu-west' }],
});

export const multiRegion: Claim[] = [
  { preset: MR, claim: 'p50 at home', metric: p50('users-eu', 10, 60), expected: 14 },
  {
    preset: MR,
    claim: 'detection',
    metric: ({ r }) => r.nodes['router-eu']!.detectionMs!.mean,
    expected: 2500,
  },
  {
    preset: MR,
    claim: 'failed requests',
    metric: ({ r }) => r.requests.failed,
    expected: 496,
    abs: 0,
  },
  { preset: MR, claim: 'run error rate', metric: ({ r }) => r.errorRate, expected: 0.009 },
  // 14 ms + 2 × 40 ms one way: the theory's +80 ms, measured on the median.
  { preset: MR, claim: 'p50 served from us-east', metric: p50('users-eu', 65, 100), expected: 94 },
  {
    preset: MR,
    claim: 'us-east busy alone',
    metric: (x) => mean(between(x, 65, 100).map((w) => w.nodes['api-us']!.utilization)),
    expected: 0.33,
  },
  { preset: MR, claim: 'p50 home again', metric: p50('users-eu', 110, 150), expected: 14 },
  {
    preset: MR,
    claim: 'Regions table: eu-west requests succeeded (%)',
    metric: ({ r }) => r.regions!['eu-west']!.availability! * 100,
    expected: 98.2,
    abs: 0.05,
  },
  {
    preset: MR,
    claim: 'Regions table: eu-west up (%)',
    metric: ({ r }) => r.regions!['eu-west']!.upShare! * 100,
    expected: 71.4,
    abs: 0.05,
  },
  {
    preset: MR,
    claim: 'failover: nothing fails',
    variant: euFailover,
    metric: ({ r }) => r.requests.failed,
    expected: 0,
    abs: 0,
  },
  {
    preset: MR,
    claim: 'failover: theory, Europe over home by 2 × 40 ms',
    variant: euFailover,
    metric: ({ r }) =>
      r.regions!['eu-west']!.latencyMs!.mean - r.regions!['us-east']!.latencyMs!.mean,
    expected: 80,
  },
  {
    preset: MR,
    claim: 'failover: p50 always across',
    variant: euFailover,
    metric: p50('users-eu', 10, 60),
    expected: 94,
  },
  {
    preset: MR,
    claim: 'quick checks: detection',
    variant: quick,
    metric: ({ r }) => r.nodes['router-eu']!.detectionMs!.mean,
    expected: 1000,
  },
  {
    preset: MR,
    claim: 'quick checks: failed',
    variant: quick,
    metric: ({ r }) => r.requests.failed,
    expected: 197,
    abs: 0,
  },
  {
    preset: MR,
    claim: 'cut off: nothing fails',
    variant: cut,
    metric: ({ r }) => r.requests.failed,
    expected: 0,
    abs: 0,
  },
];
