/**
 * Metastable-failure lessons, the second set of `overload-*` presets: a balancer sinking traffic
 * into a fast-failing replica, a timeout cascade across three tiers, a connection pool running
 * dry and a garbage collector that cannot keep up.
 */
import { between, mean, param } from './edit.ts';
import type { Claim, Run } from './harness.ts';

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
