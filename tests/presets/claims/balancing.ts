/** Load balancing lessons: `load-balancing` and `lb-slow-replica`. */
import { all, fault, noFaults, param } from './edit.ts';
import type { Claim } from './harness.ts';

const rps = (n: number) => param('users', 'arrival.rps', n);
const strategy = (s: string) => param('lb', 'strategy', s);
const at900 = rps(900);
const at1100 = rps(1100);
const at900lc = all(rps(900), strategy('leastConnections'));
const at1100lc = all(rps(1100), strategy('leastConnections'));

const LB = 'load-balancing';
export const loadBalancing: Claim[] = [
  { preset: LB, claim: '300 rps: p50', metric: ({ r }) => r.latencyMs.p50, expected: 11 },
  { preset: LB, claim: '300 rps: p99', metric: ({ r }) => r.latencyMs.p99, expected: 51 },
  {
    preset: LB,
    claim: '300 rps: API utilization',
    metric: ({ r }) => r.nodes['api']!.utilization,
    expected: 0.25,
  },
  {
    preset: LB,
    claim: '900 rps RR: p99',
    variant: at900,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 56,
  },
  {
    preset: LB,
    claim: '900 rps: API busy',
    variant: at900,
    metric: ({ r }) => r.nodes['api']!.utilization,
    expected: 0.75,
  },
  {
    preset: LB,
    claim: '900 rps LC: p99',
    variant: at900lc,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 53,
  },
  {
    preset: LB,
    claim: '1100 rps RR: p50',
    variant: at1100,
    metric: ({ r }) => r.latencyMs.p50,
    expected: 23,
  },
  {
    preset: LB,
    claim: '1100 rps: API busy',
    variant: at1100,
    metric: ({ r }) => r.nodes['api']!.utilization,
    expected: 0.92,
  },
  {
    preset: LB,
    claim: '1100 rps RR: p99',
    variant: at1100,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 91,
  },
  {
    preset: LB,
    claim: '1100 rps LC: p99',
    variant: at1100lc,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 67,
  },
];

const SLOW = 'lb-slow-replica';
const cRps = ({ r }: { r: { nodes: Record<string, { throughputRps: number }> } }) =>
  r.nodes['api-c']!.throughputRps;
const rnd = strategy('random');
const p2c = strategy('powerOfTwoChoices');
const lc = strategy('leastConnections');
const lrt = strategy('leastResponseTime');
const x8 = fault(0, 'factor', 8);
const x8lc = all(fault(0, 'factor', 8), lc);
export const slowReplica: Claim[] = [
  { preset: SLOW, claim: 'roundRobin: p99', metric: ({ r }) => r.latencyMs.p99, expected: 1118 },
  { preset: SLOW, claim: 'roundRobin: C rps', metric: cRps, expected: 99 },
  {
    preset: SLOW,
    claim: 'roundRobin: C mean time',
    metric: ({ r }) => r.nodes['api-c']!.latencyMs.mean,
    expected: 414,
  },
  {
    preset: SLOW,
    claim: 'roundRobin: C mean queue',
    metric: ({ r }) => r.nodes['api-c']!.meanQueueLength,
    expected: 39,
  },
  {
    preset: SLOW,
    claim: 'random: p99',
    variant: rnd,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 1994,
  },
  {
    preset: SLOW,
    claim: 'p2c: p99',
    variant: p2c,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 107,
  },
  { preset: SLOW, claim: 'p2c: C rps', variant: p2c, metric: cRps, expected: 66 },
  {
    preset: SLOW,
    claim: 'LC: p99',
    variant: lc,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 102,
  },
  { preset: SLOW, claim: 'LC: C rps', variant: lc, metric: cRps, expected: 62 },
  {
    preset: SLOW,
    claim: 'LRT: p99',
    variant: lrt,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 55,
  },
  { preset: SLOW, claim: 'LRT: C rps', variant: lrt, metric: cRps, expected: 32 },
  {
    preset: SLOW,
    claim: 'no fault: p99',
    variant: noFaults,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 50,
  },
  {
    preset: SLOW,
    claim: 'factor 8 RR: p99',
    variant: x8,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 35000,
  },
  {
    preset: SLOW,
    claim: 'factor 8 LC: p99',
    variant: x8lc,
    metric: ({ r }) => r.latencyMs.p99,
    expected: 164,
  },
];
